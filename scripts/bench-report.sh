#!/usr/bin/env bash
# `make bench`, last step: puts this run's tables (bench/target/bench-http.md, backend/target/bench-scale.md) into
# docs/benchmarks.md between the "latest run" markers, replacing the previous run's. Earlier dated sections stay.
set -euo pipefail
cd "$(dirname "$0")/.."
doc=docs/benchmarks.md
begin='<!-- make bench: latest run (generated, do not edit) -->'
end='<!-- make bench: end of latest run -->'
run=$(mktemp)
{
  echo "$begin"
  echo
  echo "## Latest \`make bench\` run: $(date -u +%Y-%m-%d)"
  echo
  for part in bench/target/bench-http.md backend/target/bench-scale.md; do
    if [ -s "$part" ]; then cat "$part"; echo; else echo "($part was not produced: see the output above)"; echo; fi
  done
  if [ -s backend/target/bench-scale.log ] && grep -q '^Mini App on slow 4G' backend/target/bench-scale.log; then
    echo "### Mini App first render"
    echo
    sed -n '/^Mini App on slow 4G/,/^CPU 4x/p' backend/target/bench-scale.log | sed 's/^/    /'
    echo
  fi
  echo "$end"
} >"$run"
if grep -qF "$begin" "$doc"; then
  awk -v begin="$begin" -v end="$end" -v run="$run" '
    $0 == begin { while ((getline line < run) > 0) print line; skipping = 1; next }
    $0 == end { skipping = 0; next }
    !skipping { print }' "$doc" >"$doc.new"
else
  # First run: after the introduction (the first blank line after the first heading's paragraph).
  awk -v run="$run" 'done == 0 && /^## / { while ((getline line < run) > 0) print line; print ""; done = 1 } { print }' \
    "$doc" >"$doc.new"
fi
mv "$doc.new" "$doc"
rm -f "$run"
echo "docs/benchmarks.md: latest run written"
