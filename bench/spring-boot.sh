#!/usr/bin/env bash
# Start-up cost of migrating at start-up (issue 16): the same Spring Boot 3.5 application against the
# same PostgreSQL database holding 200 applied migrations, started with the Godwit starter, with
# Spring Boot's Flyway support, and with neither, in interleaved rounds; each start is a fresh JVM,
# and the figure is its uptime when the application is ready (ApplicationReadyEvent). A fourth
# variant, connect, is the plain application taking one connection from its pool while it starts:
# what any migration tool pays first (the pool's start, the driver's classes), told apart from what
# the tool itself adds. The table also gives the uptime after the application's first query, which
# the plain application pays after it is ready.
#
#   bench/spring-boot.sh [rounds]        default 7 rounds
#
# Needs Godwit's jars built (mvn -o -pl godwit-spring-boot-starter -am package -DskipTests) and
# PostgreSQL at 127.0.0.1:5432 (user postgres, trust). Flyway migrates the database once; Godwit
# then reads Flyway's history table as it is (no godwit_schema_history), so both check one history.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/.." && pwd)"
rounds="${1:-7}"
work="$bench/spring-boot/target"
mkdir -p "$work/classes" "$work/migrations/db/migration"

for v in plain flyway; do
  profile=(); [ "$v" = flyway ] && profile=(-Pflyway)
  mvn -B -q -o -f "$bench/spring-boot/pom.xml" "${profile[@]}" dependency:build-classpath \
    -Dmdep.outputFile="$work/cp-$v.txt" >&2
done
# Copied, so that a build running meanwhile cannot rewrite a jar under a measured JVM.
rm -rf "$work/godwit-lib" && mkdir -p "$work/godwit-lib"
for m in godwit-spring-boot-starter godwit-core godwit-sql; do
  cp "$(ls "$root/$m"/target/$m-*.jar | grep -v -e sources -e javadoc)" "$work/godwit-lib/"
done
godwit_jars="$(ls "$work"/godwit-lib/*.jar | paste -sd:)"
javac -d "$work/classes" -cp "$(cat "$work/cp-plain.txt")" "$bench/spring-boot/src/main/java/bench/StartupApp.java"

# 200 migrations: tables, columns, indexes and data, the mix of a project some years old.
rm -f "$work"/migrations/db/migration/*.sql
for i in $(seq 1 200); do
  f="$work/migrations/db/migration/V${i}__step_${i}.sql"
  case $((i % 4)) in
    1) echo "CREATE TABLE t$i (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, created TIMESTAMP DEFAULT now());" > "$f" ;;
    2) echo "ALTER TABLE t$((i - 1)) ADD COLUMN note TEXT;" > "$f" ;;
    3) echo "CREATE INDEX t$((i - 2))_name ON t$((i - 2)) (name);" > "$f" ;;
    0) echo "CREATE TABLE t$i (id BIGINT PRIMARY KEY); INSERT INTO t$i SELECT g FROM generate_series(1, 10) g;" > "$f" ;;
  esac
done

db="bench_boot_$RANDOM$RANDOM"
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" >/dev/null
trap 'psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
common=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres
  --spring.main.banner-mode=off --logging.level.root=WARN)

run() { # variant -> prints the uptimes in ms at ApplicationReadyEvent and after the first query
  local v=$1 cp extra=()
  case $v in
    none) cp="$work/classes:$(cat "$work/cp-plain.txt")" ;;
    connect) cp="$work/classes:$(cat "$work/cp-plain.txt")"; extra=(--bench.connect=true) ;;
    flyway) cp="$work/classes:$work/migrations:$(cat "$work/cp-flyway.txt")" ;;
    godwit) cp="$work/classes:$work/migrations:$godwit_jars:$(cat "$work/cp-plain.txt")" ;;
  esac
  java -cp "$cp" bench.StartupApp "${common[@]}" "${extra[@]}" \
    | sed -n 's/^READY \([0-9]*\) QUERIED \([0-9]*\) .*/\1 \2/p'
}

echo "bench: migrating $db with Flyway (200 migrations)..." >&2
run flyway >/dev/null
variants=(none connect flyway godwit)
echo "load before: $(uptime)" >&2
declare -A all queried
for r in $(seq 1 "$rounds"); do
  for v in "${variants[@]}"; do
    read -r ms q <<<"$(run $v)"
    [ -n "$ms" ] || { echo "bench: $v did not start" >&2; exit 1; }
    all[$v]="${all[$v]:-} $ms"
    queried[$v]="${queried[$v]:-} $q"
    echo "round $r $v $ms ms (first query done at $q ms)" >&2
  done
done
echo "load after: $(uptime)" >&2
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
none_ms="$(echo "${all[none]}" | median)"
none_q="$(echo "${queried[none]}" | median)"
echo
echo "| variant | median start-up (ms) | added at start-up | median after the first query (ms) | added | all rounds, start-up (ms) |"
echo "|---|---:|---:|---:|---:|---|"
for v in "${variants[@]}"; do
  m="$(echo "${all[$v]}" | median)"
  q="$(echo "${queried[$v]}" | median)"
  if [ $v = none ]; then d=-; dq=-; else d="$(printf '%+d ms' $((m - none_ms)))"; dq="$(printf '%+d ms' $((q - none_q)))"; fi
  echo "| $v | $m | $d | $q | $dq |${all[$v]} |"
done
