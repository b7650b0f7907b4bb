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
# HISTORIQUE=24 measures each size with history instead: 24 months generated; October alone on a fresh base,
# then the 23 earlier months ingested into another base (compacted at the end of their ingestion) and October
# into it; the summary gives both and their ratio, and DuckDB checks each (October alone, all 24 months).
# The history keeps each ESSMS's persons from month to month (generer --memes-personnes), as real exports do;
# MEMES_PERSONNES=0 draws each month's persons anew instead, as the measurements before 03/12/2026 did.
# GARDER_AVANT=1 (H2) keeps a copy of the history base before October (data-<n>_historique-avant), to rerun it.
# MOIS=3 generates three monthly exports instead of one (the national of issue #16), all ingested, October computed.
# FROID=1 drops the page cache before executer (root only), so that the dépôt is read from disk.
# Each run ends with this machine's physical limit on the same files: their bytes read from disk (page cache
# dropped when allowed) and their rows parsed on every core at the speed measured on one (ReadBench).
# NUIT=1 measures the nightly run: 3 months generated with the same persons; August and September ingested first
# (executer --mois 2026-09), then October's packages put beside them in the same dépôt and executer --mois 2026-10
# timed end to end, with the sum of its steps (the rest is the JVM, Spring and Flyway); DuckDB checks October.
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
# A fresh database for run $1 of size $2 (a name of its own on PostgreSQL).
fresh_base() {
  if [[ "${PG:-0}" == 1 ]]; then
    export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
    psql -q -d postgres -c "DROP DATABASE IF EXISTS esms_bench_$1" -c "CREATE DATABASE esms_bench_$1" 2>/dev/null
    echo "jdbc:postgresql://$PGHOST:5432/esms_bench_$1?user=$PGUSER"
  else
    echo "${BASE_JDBC:-jdbc:h2:file:$(pwd)/$2/data-$1/esms}"
  fi
}
# executer on dataset folder $1 (depot/, referentiel/) for month $2 into base $3, output $4; prints the steps.
timed_run() {
  local start end code
  start=$(date +%s.%N)
  set +e
  java -Xmx2g -jar target/esms-indicateurs.jar executer --depot "$1/depot" --referentiel "$1/referentiel" \
    --mois "$2" --sortie "$4" --base "$3" > "$4.log" 2>&1
  code=$?
  set -e
  if [[ $code != 0 && $code != 3 ]]; then
    echo "   ÉCHEC d'executer (code $code), voir $4.log"
    return 1
  fi
  end=$(date +%s.%N)
  echo "   $1 --mois $2 : de bout en bout $(echo "$end - $start" | bc) s"
  grep -E "Étape|Durée|Compactage" "$4.log" | sed 's/^/      /' | tail -n 10
}
duckdb_check() {
  java -cp "target/test-classes:$(cat target/bench.classpath)" fr.esms.indicateurs.bench.DuckDbIndicators \
    "$1" "$2" "$3" | sed 's/^/   /'
}
# The physical limit on dataset $1 holding $2 rows: reading its bytes, parsing its rows on all cores.
physical_limit() {
  local bytes start end one_s read_s rate cached=""
  bytes=$(du -sb "$1/depot" | cut -f1)
  sync; { echo 1 > /proc/sys/vm/drop_caches; } 2>/dev/null || cached=" (cache non vidé : lu depuis la mémoire)"
  start=$(date +%s.%N); find "$1/depot" -type f -exec cat {} + > /dev/null; end=$(date +%s.%N)
  one_s=$(echo "$end - $start" | bc)
  # Eight readers at once, as the dépôt scan hashes (DepotScanner): this disk serves them four times faster.
  sync; { echo 1 > /proc/sys/vm/drop_caches; } 2>/dev/null || true
  start=$(date +%s.%N); find "$1/depot" -type f -print0 | xargs -0 -P 8 -n 200 cat > /dev/null; end=$(date +%s.%N)
  read_s=$(echo "$end - $start" | bc)
  rate=$(java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    fr.esms.indicateurs.bench.ReadBench "$1/depot" 200 | tail -1 | sed -n 's/.*, \([0-9]*\) lignes\/s de CPU.*/\1/p')
  if [[ -z "$rate" ]]; then
    echo "   limite physique : vitesse d'analyse non mesurée (ReadBench a échoué)"
    return 0
  fi
  echo "   limite physique : lecture de $((bytes / 1000000)) Mo en $(printf %.1f "$read_s") s par huit lecteurs$cached," \
    "$(echo "$bytes / $read_s / 1000000" | bc) Mo/s (un seul lecteur : $(printf %.1f "$one_s") s) ;" \
    "analyse de $2 lignes à $rate lignes/s par cœur sur" \
    "$(nproc) cœurs : $(echo "scale=1; $2 / $rate / $(nproc)" | bc) s"
}
rows_of() {
  sed -n 's/.* paquets, \([0-9]*\) lignes en .*/\1/p' <<< "$1"
}
step_ms() {
  sed -n "s/.*Étape $1 : \([0-9]*\) ms.*/\1/p" "$2" | tail -1
}
if [[ "${NUIT:-0}" == 1 ]]; then
  for k in $FACTORS; do
    n=$((BASE * k)); dir=target/bench/$n-nuit
    rm -rf "$dir"
    java -jar target/esms-indicateurs.jar generer --essms "$n" --nombre-mois 3 --zip-un-sur 0 --memes-personnes \
      --sortie "$dir" | tee -a "$summary"
    # The nightly dépôt: August and September first, then October's packages arrive beside them.
    mkdir -p "$dir/nuit/depot"
    ln -s ../referentiel "$dir/nuit/referentiel"
    find "$dir/depot" -mindepth 1 -maxdepth 1 ! -name '*_2026-10' -exec cp -al {} "$dir/nuit/depot/" \;
    base=$(fresh_base "${n}_nuit" "$dir")
    {
      echo "== $n ESSMS, nuit : octobre dans une base qui tient août et septembre"
      timed_run "$dir/nuit" 2026-09 "$base" "$dir/avant"
      cp -al "$dir"/depot/*_2026-10 "$dir/nuit/depot/"
      timed_run "$dir/nuit" 2026-10 "$base" "$dir/nuit-sortie"
      steps=0
      for s in chargerReferentiel ingererDepot calculerIndicateurs exporterResultats ecrireRapports; do
        steps=$((steps + $(step_ms $s "$dir/nuit-sortie.log")))
      done
      echo "   somme des étapes : $steps ms (le reste : JVM, Spring, Flyway, résumé)"
      duckdb_check "$dir" 2026-10 "$dir/nuit-sortie/indicateurs/2026-10.csv"
    } | tee -a "$summary"
  done
  exit 0
fi
if [[ -n "${HISTORIQUE:-}" ]]; then
  for k in $FACTORS; do
    n=$((BASE * k)); dir=target/bench/$n-h$HISTORIQUE
    rm -rf "$dir"
    persons=(); [[ "${MEMES_PERSONNES:-1}" == 1 ]] && persons=(--memes-personnes)
    java -jar target/esms-indicateurs.jar generer --essms "$n" --nombre-mois "$HISTORIQUE" --zip-un-sur 0 \
      "${persons[@]}" --sortie "$dir" | tee -a "$summary"
    mkdir -p "$dir/mois/depot" "$dir/avant/depot"
    cp -al "$dir"/depot/*_2026-10 "$dir/mois/depot/"
    find "$dir/depot" -mindepth 1 -maxdepth 1 ! -name '*_2026-10' -exec cp -al {} "$dir/avant/depot/" \;
    ln -s ../referentiel "$dir/mois/referentiel"; ln -s ../referentiel "$dir/avant/referentiel"
    {
      echo "== $n ESSMS, octobre sur une base neuve puis après $((HISTORIQUE - 1)) mois d'historique"
      timed_run "$dir/mois" 2026-10 "$(fresh_base "${n}_neuve" "$dir")" "$dir/neuve"
      duckdb_check "$dir/mois" 2026-10 "$dir/neuve/indicateurs/2026-10.csv"
      history=$(fresh_base "${n}_historique" "$dir")
      timed_run "$dir/avant" 2026-09 "$history" "$dir/avant-sortie"
      if [[ "${GARDER_AVANT:-0}" == 1 && "${PG:-0}" != 1 ]]; then # to profile month 25 again on a copy
        cp -r "$dir/data-${n}_historique" "$dir/data-${n}_historique-avant"
      fi
      timed_run "$dir/mois" 2026-10 "$history" "$dir/historique"
      duckdb_check "$dir" 2026-10 "$dir/historique/indicateurs/2026-10.csv"
      for s in ingererDepot calculerIndicateurs; do
        a=$(step_ms $s "$dir/neuve.log"); b=$(step_ms $s "$dir/historique.log")
        echo "   $s : $a ms sur base neuve, $b ms avec historique, rapport $(echo "scale=2; $b / $a" | bc)"
      done
    } | tee -a "$summary"
  done
  exit 0
fi
for k in $FACTORS; do
  n=$((BASE * k)); dir=target/bench/$n
  rm -rf "$dir"
  generated=$(java -jar target/esms-indicateurs.jar generer --essms "$n" --nombre-mois "${MOIS:-1}" --zip-un-sur 0 \
    --format "$FORMAT" --sortie "$dir")
  echo "$generated" | tee -a "$summary"
  jdbc=${BASE_JDBC:-jdbc:h2:file:$(pwd)/$dir/data/esms}
  if [[ "${PG:-0}" == 1 ]]; then
    jdbc=$(fresh_base "$n" "$dir")
  fi
  if [[ "${FROID:-0}" == 1 ]]; then # the dépôt read from disk, as after a day of other work
    sync; { echo 1 > /proc/sys/vm/drop_caches; } 2>/dev/null || echo "   (FROID=1 : cache non vidé, droits insuffisants)"
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
      physical_limit "$dir" "$(rows_of "$generated")"
    fi
  } | tee -a "$summary"
done
