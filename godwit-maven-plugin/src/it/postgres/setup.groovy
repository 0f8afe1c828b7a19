// A database of its own on the local PostgreSQL server (other builds share the server); its URL
// goes into godwit.toml, which the plugin reads. verify.groovy drops it.
def name = 'godwit_mvn_it_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)
def props = new Properties()
props.setProperty('user', 'postgres')
def c = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/postgres', props)
assert c != null : 'PostgreSQL at 127.0.0.1:5432 (user postgres) is needed by this test'
try {
  c.createStatement().execute('CREATE DATABASE ' + name)
} finally {
  c.close()
}
new File(basedir, 'database.txt').text = name
new File(basedir, 'godwit.toml').text = "url = \"jdbc:postgresql://127.0.0.1:5432/${name}\"\n"
// A script's last value is its verdict for the invoker.
true
