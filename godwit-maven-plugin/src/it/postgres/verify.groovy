def name = new File(basedir, 'database.txt').text.trim()
def props = new Properties()
props.setProperty('user', 'postgres')
try {
  def log = new File(basedir, 'build.log').text
  assert log.contains('Applied 2 migration(s): version none -> 2')
  assert log =~ /(?m)^\[INFO\] 2\s+orders customer index\s+SQL\s+SUCCESS/
  assert log.contains('0 errors')
  def failure = log.readLines().find { it.contains('godwit:migrate failed [MIGRATION_FAILED]') }
  assert failure != null
  assert log.contains('V3__broken.sql')
  assert log.contains('no_such_table')
  assert log =~ /godwit:info failed \[CONFIGURATION\]: serverId 'no-such-server'/
  assert !log.contains('not-needed-with-trust') : 'the settings.xml password is never logged'

  def c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/${name}", props)
  try {
    def rs = c.createStatement().executeQuery(
        "SELECT count(*) FROM app.orders")
    assert rs.next() && rs.getInt(1) == 0 : 'the failed migration was rolled back'
    rs = c.createStatement().executeQuery(
        "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM app.godwit_schema_history WHERE success")
    assert rs.next() && rs.getString(1) == '1,2'
  } finally {
    c.close()
  }
} finally {
  def admin = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/postgres', props)
  try {
    admin.createStatement().execute('DROP DATABASE IF EXISTS ' + name + ' WITH (FORCE)')
  } finally {
    admin.close()
  }
}
// A script's last value is its verdict for the invoker.
true
