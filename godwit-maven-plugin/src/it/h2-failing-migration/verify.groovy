// The failed build's status and message, then the history as info shows it.
def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
def failure = log.readLines().find { it.contains('godwit:migrate failed [MIGRATION_FAILED]') }
assert failure != null : 'the failure names the goal and the error code'
assert log.contains('V2__broken.sql')
assert log =~ /(?i)NO_SUCH_TABLE/
assert log =~ /(?m)^\[INFO\] 1\s+create account\s+SQL\s+SUCCESS/
assert log.contains('Rolled back: nothing of this migration was applied')
assert log =~ /(?m)^\[INFO\] 2\s+broken\s+SQL\s+PENDING/
true
