// Six builds of invoker.properties, read from their log, and the databases they left.
def log = new File(basedir, 'build.log').text

assert log.count('Applied 1 migration(s): version none -> 1') == 2
assert log.contains('godwit:clean skipped (godwit.skip)')
assert log =~ /godwit:clean failed \[REFUSED\]/
assert log =~ /Cleaned .*: [1-9]\d* object\(s\) dropped/
assert log.contains('Baselined at version 5')
assert log.contains('history table godwit_schema_history')
assert log.contains('Unknown property -Dgodwit.urll')
assert log =~ /godwit:info failed \[CONFIGURATION\]: .*lockTimeout/
assert !new File(basedir, 'target/db/wrong.mv.db').exists() : 'the ci environment overrides the top-level URL'

def props = new Properties()
props.setProperty('user', 'sa')
def url = 'jdbc:h2:file:' + new File(basedir, 'target/db/ci').absolutePath
def c = new org.h2.Driver().connect(url, props)
try {
  def rs = c.createStatement().executeQuery('SELECT label FROM item')
  assert rs.next()
  assert rs.getString(1) == 'from-the-command-line' : 'a -D placeholder wins over the file'
  rs = c.createStatement().executeQuery(
      'SELECT COUNT(*) FROM "custom_history" WHERE "version" = \'1\' AND "success"')
  assert rs.next() && rs.getInt(1) == 1 : 'the history table named on the command line'
} finally {
  c.close()
}
true
