#!/usr/bin/env bash
# Prints line coverage per module from the JaCoCo CSV reports that `mvn verify` wrote.
set -u
shopt -s nullglob
printf '\nJaCoCo line coverage\n'
found=0
for csv in */target/site/jacoco/jacoco.csv; do
  found=1
  module=${csv%%/*}
  awk -F, -v m="$module" 'NR>1 {missed+=$8; covered+=$9} END {t=missed+covered; if (t>0) printf "  %-10s %5.1f %%  (%d of %d lines)\n", m, 100*covered/t, covered, t}' "$csv"
done
[ $found -eq 1 ] || echo "  (no JaCoCo reports found)"
