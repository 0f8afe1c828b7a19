#!/usr/bin/env bash
# Per-test databases (issue 16): godwit-junit's template copies against migrate per test and
# Flyway's clean + migrate per test, with a 200-migration project. Builds with `package` only
# (nothing installed into ~/.m2) and prints Markdown tables; see BENCHMARKS.md.
#   bench/junit.sh [pg] [h2]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/target/junit"
mkdir -p "$out/classes"
mvn -q -B -f "$root/pom.xml" -pl godwit-junit -am -DskipTests -Dspotless.check.skip=true \
  -Dforbiddenapis.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
  package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp-godwit.txt"
mvn -q -B -f "$root/bench/flyway-classpath.xml" dependency:build-classpath \
  -Dmdep.outputFile="$out/cp-flyway.txt"
cp="$root/godwit-junit/target/godwit-junit-0.1.0-SNAPSHOT.jar:$(cat "$out/cp-godwit.txt"):$(cat "$out/cp-flyway.txt")"
javac -d "$out/classes" -cp "$cp" "$root"/bench/src/main/java/dev/godwit/bench/junit/*.java
for db in "${@:-pg h2}"; do
  for d in $db; do
    java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$out/classes:$cp" \
      dev.godwit.bench.junit.PerTestDatabases "$d"
  done
done
