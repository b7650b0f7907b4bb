#!/usr/bin/env bash
# Benchmark of the whole pipeline on generated data, at 1x, 2x and 4x a base number of ESSMS, with DuckDB's time
# on the same CSVs as the yardstick. Usage: bench/run.sh [BASE_ESSMS (default 2500)]. Fails when executer fails
# or when DuckDB finds other figures: FACTORS=1 bench/run.sh 20 is the smoke run of .ci/run.
# Results go to target/bench/<n>/ and a summary to target/bench/resume.txt. BASE_JDBC=<url> runs on that database
# instead of a fresh H2 file (e.g. an empty PostgreSQL database; with several factors, empty it between runs).
# PG=1 runs on PostgreSQL instead: a fresh database esms_bench_<n> per size, made with psql (PGHOST, default
# 127.0.0.1, and PGUSER, default postgres, as psql reads them).
# FORMAT=tddui writes the same dataset as TDDUI bundles (generer --format tddui) and measures their ingestion;
# DuckDB, which reads the pivot CSVs, is then not run.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-2500}
FORMAT=${FORMAT:-pivot}
FACTORS=${FACTORS:-"1 2 4"}
./mvnw -B -q -DskipTests package
./mvnw -B -q -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
mkdir -p target/bench
summary=target/bench/resume.txt
echo "machine : $(nproc) cœurs, $(free -g | awk '/Mem:/{print $2}') Gio, $(java -version 2>&1 | head -1)" > "$summary"
for k in $FACTORS; do
  n=$((BASE * k)); dir=target/bench/$n
  rm -rf "$dir"
  java -jar target/esms-indicateurs.jar generer --essms "$n" --zip-un-sur 0 --format "$FORMAT" --sortie "$dir" | tee -a "$summary"
  jdbc=${BASE_JDBC:-jdbc:h2:file:$(pwd)/$dir/data/esms}
  if [[ "${PG:-0}" == 1 ]]; then
    export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
    psql -q -d postgres -c "DROP DATABASE IF EXISTS esms_bench_$n" -c "CREATE DATABASE esms_bench_$n" 2>/dev/null
    jdbc="jdbc:postgresql://$PGHOST:5432/esms_bench_$n?user=$PGUSER"
  fi
  start=$(date +%s.%N)
  set +e
  java -Xmx2g -jar target/esms-indicateurs.jar executer --depot "$dir/depot" --referentiel "$dir/referentiel" \
    --mois 2026-10 --sortie "$dir/sortie" --base "$jdbc" \
    > "$dir/executer.log" 2>&1
  code=$?
  set -e
  if [[ $code != 0 && $code != 3 ]]; then # 3: rows rejected, as the generator makes on purpose
    echo "== $n ESSMS : ÉCHEC d'executer (code $code), voir $dir/executer.log" | tee -a "$summary"
    exit 1
  fi
  end=$(date +%s.%N)
  {
    echo "== $n ESSMS : code de sortie $code, de bout en bout $(echo "$end - $start" | bc) s"
    grep -E "Étape|Durée|lignes/s" "$dir/executer.log" | sed 's/^/   /' | tail -n 12
    if [[ "$FORMAT" == pivot ]]; then
      java -cp "target/test-classes:$(cat target/bench.classpath)" fr.esms.indicateurs.bench.DuckDbIndicators \
        "$dir" 2026-10 "$dir/sortie/indicateurs/2026-10.csv" | sed 's/^/   /'
    fi
  } | tee -a "$summary"
done
