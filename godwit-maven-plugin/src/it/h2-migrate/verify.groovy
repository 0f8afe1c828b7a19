// The three builds of invoker.properties, read from their log, and the database they left.
def log = new File(basedir, 'build.log').text

assert log.contains('Applied 3 migration(s): version none -> 3')
assert log =~ /(?m)^\[INFO\] 2\s+Second greeting\s+JDBC\s+SUCCESS/
assert log.contains('Validated') && log.contains('no issues')
assert log.contains('Nothing to migrate')
assert log.contains('Undid 1 version(s); current version: 2')
assert log =~ /(?m)^\[INFO\] 3\s+first greeting\s+SQL\s+UNDONE/
assert log.contains('Applied 1 migration(s): version 2 -> 3')
assert !log.contains('BUILD FAILURE')

def props = new Properties()
props.setProperty('user', 'sa')
def url = 'jdbc:h2:file:' + new File(basedir, 'target/db/app').absolutePath
def c = new org.h2.Driver().connect(url, props)
try {
  def rs = c.createStatement().executeQuery('SELECT id, text FROM greeting ORDER BY id')
  def rows = []
  while (rs.next()) {
    rows << "${rs.getInt(1)}=${rs.getString(2)}".toString()
  }
  assert rows == ['1=hello from the pom', '2=hello from Java']
} finally {
  c.close()
}
// A script's last value is its verdict for the invoker.
true
