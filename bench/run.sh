#!/usr/bin/env bash
# Godwit's benchmark harness: builds Godwit and this module, runs the workloads of issue 7 and the
# splitter benchmark of issue 3, and writes the tables into BENCHMARKS.md at the repository root.
#
#   bench/run.sh            the full run (long: hours on 2 cores, mostly Liquibase at large N)
#   bench/run.sh --quick    a smoke run (small N, 2 rounds: a few minutes)
#   bench/run.sh --help     every option (--only W1,W5,split  --db pg  --rounds 3 ...)
#   bench/run.sh traffic    the traffic-impact benchmark of issue 13 (Godwit and Flyway while a
#                           report holds a lock; PostgreSQL and MariaDB): about two minutes
#
# BENCH_M2=<dir> installs Godwit's modules into that Maven repository instead of ~/.m2 (copy
# ~/.m2/repository there first to build offline), so a shared ~/.m2 is left alone.
# Needs a JDK 17+, Maven, and PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth; else the
# test kit's embedded PostgreSQL is started). BENCH_SKIP_BUILD=1 skips both Maven builds.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/.." && pwd)"

for arg in "$@"; do
  if [ "$arg" = "--help" ] || [ "$arg" = "-h" ]; then
    BENCH_SKIP_BUILD=${BENCH_SKIP_BUILD:-1}
  fi
done

if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo "bench: building Godwit (mvn -q -DskipTests install of the modules the bench uses)..." >&2
  # Only the modules measured (and their parent), so a module being written elsewhere in the tree
  # cannot break the benchmark build. Formatting and forbidden-API gates belong to `mvn verify`.
  repo=()
  if [ -n "${BENCH_M2:-}" ]; then repo=(-Dmaven.repo.local="$BENCH_M2"); fi
  mvn -q -B "${repo[@]}" -f "$root/pom.xml" -DskipTests -Dspotless.check.skip=true \
    -Dforbiddenapis.skip=true -pl godwit-sql,godwit-core,godwit-testkit-binaries,godwit-testkit,godwit-cli -am install
  # The launcher makes the class data sharing archive it starts the CLI with; so does the bench.
  "$root/godwit" --version >/dev/null
  echo "bench: building the bench module..." >&2
  mvn -q -B "${repo[@]}" -f "$bench/pom.xml" -DskipTests package
fi

for f in "$root/godwit-cli/target/godwit-cli.jar" "$bench/target/cp-all.txt"; do
  if [ ! -f "$f" ]; then
    echo "bench: $f is missing; run without BENCH_SKIP_BUILD=1" >&2
    exit 1
  fi
done

# Flyway 10+ reports usage unless told not to; the machine may have no network.
export REDGATE_DISABLE_TELEMETRY=true
export FLYWAY_TELEMETRY_OPTOUT=true

cd "$root"
if [ "${1:-}" = "traffic" ]; then
  shift
  commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
  exec java -Xmx1g -Dbench.commit="$commit" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dorg.slf4j.simpleLogger.log.org.mariadb.jdbc=error \
    -cp "$bench/target/classes:$(cat "$bench/target/cp-all.txt")" \
    dev.godwit.bench.traffic.TrafficBench "$@"
fi
exec java -Xmx4g -Dbench.repo="$root" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$bench/target/classes:$(cat "$bench/target/cp-all.txt")" \
  dev.godwit.bench.Harness "$@"
