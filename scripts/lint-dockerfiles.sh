#!/usr/bin/env bash
# Lints the Dockerfiles: with hadolint when it is installed, and always with the checks Debian's own docker.io
# (20.10, no BuildKit by default) needs. Exit 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
files=(backend/Dockerfile admin-ui/Dockerfile)
status=0
fail() { echo "$1: $2" >&2; status=1; }

if command -v hadolint >/dev/null 2>&1; then
  hadolint "${files[@]}" || status=1
else
  echo "hadolint not installed: running the built-in checks only" >&2
fi

for f in "${files[@]}"; do
  grep -nE '^RUN[[:space:]]+--mount|^#[[:space:]]*syntax=|^(COPY|ADD)[[:space:]].*--chmod' "$f" \
    && fail "$f" "BuildKit-only syntax (docker.io 20.10 builds without BuildKit)"
  grep -nE '^FROM[[:space:]]+[^[:space:]]+([[:space:]]|$)' "$f" | grep -vE '^[0-9]+:FROM[[:space:]]+[^[:space:]:]+:[^[:space:]]+' \
    && fail "$f" "a base image without a tag"
  grep -nE '^FROM[[:space:]]+[^[:space:]]+:latest' "$f" && fail "$f" "a base image on :latest"
  last_user=$(grep -E '^USER[[:space:]]' "$f" | tail -1 | awk '{print $2}' || true)
  if [ -z "$last_user" ] || [ "$last_user" = "root" ] || [ "$last_user" = "0" ]; then
    fail "$f" "the image runs as root (add USER)"
  fi
  grep -nE 'apt-get install' "$f" | grep -v -- '--no-install-recommends' && fail "$f" "apt-get install without --no-install-recommends"
  grep -q 'rm -rf /var/lib/apt/lists' "$f" || ! grep -q 'apt-get update' "$f" || fail "$f" "apt lists left in the image"
  grep -nE '^ADD[[:space:]]+https?://' "$f" && fail "$f" "ADD of a URL (use curl with a checksum)"
done
[ "$status" -eq 0 ] && echo "Dockerfiles OK"
exit "$status"
