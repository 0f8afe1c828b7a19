import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

assert log.count('BUILD FAILURE') == 2
assert log.count('BUILD SUCCESS') == 1
def lintFailures = log.readLines().findAll { it.contains('godwit:lint failed [LINT]') }
assert lintFailures.size() >= 2
assert lintFailures.any { it.contains('1 error') && it.contains('failOn error') }
assert lintFailures.any { it.contains('failOn warn') }
assert log =~ /V3__narrow_id\.sql:1:1: error \[change-column-type\]/
assert log =~ /V2__email_index\.sql:1:1: warn \[create-index-non-concurrently\]/

// The default SARIF file holds the run of build 2 (the last to write it): one result per finding.
def sarif = new JsonSlurper().parse(new File(basedir, 'target/godwit-lint.sarif'))
assert sarif.version == '2.1.0'
def results = sarif.runs[0].results
assert results*.ruleId.containsAll(['change-column-type', 'create-index-non-concurrently'])
assert results.find { it.ruleId == 'change-column-type' }.level == 'warning'

def warn = new JsonSlurper().parse(new File(basedir, 'target/warn.sarif'))
assert !warn.runs[0].results*.ruleId.contains('change-column-type')
assert warn.runs[0].results*.ruleId.contains('create-index-non-concurrently')
// A script's last value is its verdict for the invoker.
true
