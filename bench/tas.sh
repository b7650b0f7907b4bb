#!/usr/bin/env bash
# The heap kept by executer at several sizes and months of history (issue #16: "peak heap independent of the number
# of ESSMS and of the months kept"). Usage: bench/tas.sh [ESSMS ...] (default 2500 10000 36000).
# For each size, 24 months are generated with the same persons from month to month (generer --memes-personnes),
# then, on H2 with -Xmx2g (PG=1: a fresh PostgreSQL database per run instead), each run's GC log beside its log:
#   1 month:   October alone into a fresh base;
#   12 months: the 11 months before October into a fresh base (executer --mois 2026-09), then October into it;
#   24 months: the 23 months before October, then October.
# While executer runs, a full collection is asked for every TAS_PERIODE seconds (default 10, jcmd GC.run): what it
# leaves is the data really kept, which executer's summary gives as "données gardées". Timings here include those
# collections: they are not the benchmark's (bench/run.sh). DUCKDB=1 also checks each October against DuckDB
# (long on 24 national months). Datasets are deleted once measured (36 000 × 24 months: about 35 Go of CSV);
# summary in target/bench/tas.txt. TAS_MOIS="1 24" measures only those histories (default "1 12 24");
# TAS_CACHE=65536 gives the H2 base that page cache (KiB) instead of the default 256 MiB, to tell what the cache
# holds from what the run keeps.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${*:-2500 10000 36000}
PERIOD=${TAS_PERIODE:-10}
HISTORIES=${TAS_MOIS:-1 12 24}
./mvnw -B -q -DskipTests package
if [[ "${DUCKDB:-0}" == 1 ]]; then
  ./mvnw -B -q -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
fi
mkdir -p target/bench
summary=target/bench/tas.txt
echo "machine : ${TAS_CACHE:+cache H2 $TAS_CACHE Kio, }$(nproc) cœurs, $(free -g | awk '/Mem:/{print $2}') Gio, $(java -version 2>&1 | head -1)" >> "$summary"
base_for() { # a fresh base named $1 in dataset folder $2
  if [[ "${PG:-0}" == 1 ]]; then
    export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
    psql -q -d postgres -c "DROP DATABASE IF EXISTS esms_tas_$1" -c "CREATE DATABASE esms_tas_$1" 2>/dev/null
    echo "jdbc:postgresql://$PGHOST:5432/esms_tas_$1?user=$PGUSER"
  else
    rm -rf "$2/base-$1"
    echo "jdbc:h2:file:$(pwd)/$2/base-$1/esms${TAS_CACHE:+;CACHE_SIZE=$TAS_CACHE}"
  fi
}
drop_base() { # the base named $1 in dataset folder $2, once measured
  if [[ "${PG:-0}" == 1 ]]; then
    psql -q -d postgres -c "DROP DATABASE IF EXISTS esms_tas_$1" 2>/dev/null
  else
    rm -rf "$2/base-$1"
  fi
}
# executer on dépôt $1 for month $2 into base $3, output $4, with a full collection every $PERIOD seconds.
measured_run() {
  local pid code
  java -Xmx2g -Xlog:gc:file="$4.gc":time -jar target/esms-indicateurs.jar executer --depot "$1" --referentiel "$dir/referentiel" \
    --mois "$2" --sortie "$4" --base "$3" > "$4.log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep "$PERIOD"
    jcmd "$pid" GC.run > /dev/null 2>&1 || true
  done
  set +e; wait "$pid"; code=$?; set -e
  if [[ $code != 0 && $code != 3 ]]; then
    echo "   ÉCHEC d'executer (code $code), voir $4.log"
    return 1
  fi
  echo "   --mois $2 : $(grep -E '^Durée' "$4.log")"
  grep -E "Étape (ingererDepot|calculerIndicateurs|ecrireRapports)|Compactage" "$4.log" | sed 's/^/      /'
  if [[ "${DUCKDB:-0}" == 1 ]]; then
    java -cp "target/test-classes:$(cat target/bench.classpath)" fr.esms.indicateurs.bench.DuckDbIndicators \
      "$(dirname "$1")" "$2" "$4/indicateurs/$2.csv" | sed 's/^/      /'
  fi
}
# The months before October kept in a history of $1 months (October being the last).
months_before() {
  local k
  for ((k = $1 - 1; k >= 1; k--)); do date -d "2026-10-01 -$k month" +%Y-%m; done
}
for n in $SIZES; do
  dir=target/bench/tas-$n
  rm -rf "$dir"
  java -jar target/esms-indicateurs.jar generer --essms "$n" --nombre-mois 24 --zip-un-sur 0 --memes-personnes \
    --sortie "$dir" | tee -a "$summary"
  for history in $HISTORIES; do
    {
      echo "== $n ESSMS, octobre avec $history mois en base"
      run=$dir/h$history
      mkdir -p "$run/depot"
      ln -s ../referentiel "$run/referentiel"
      base=$(base_for "${n}_$history" "$dir")
      if ((history > 1)); then
        for m in $(months_before "$history"); do cp -al "$dir"/depot/*_"$m" "$run/depot/"; done
        measured_run "$run/depot" 2026-09 "$base" "$run/avant"
      fi
      cp -al "$dir"/depot/*_2026-10 "$run/depot/"
      measured_run "$run/depot" 2026-10 "$base" "$run/octobre"
      drop_base "${n}_$history" "$dir"
      rm -rf "$run/depot" "$run"/*/rapports
    } | tee -a "$summary"
  done
  rm -rf "$dir/depot"
done
