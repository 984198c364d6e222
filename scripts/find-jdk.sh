#!/usr/bin/env bash
# Prints the home of a JDK >= 21: $JAVA_HOME when it qualifies, else the newest one found on the machine.
set -u
major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
ok() { [ -x "$1/bin/javac" ] && [ "$(major "$1")" -ge 21 ] 2>/dev/null; }
if [ -n "${JAVA_HOME:-}" ] && ok "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi
best=""; best_major=0
for home in /usr/lib/jvm/* "$HOME"/.sdkman/candidates/java/* /opt/java/* /opt/jdk*; do
  [ -d "$home" ] || continue
  ok "$home" || continue
  m=$(major "$home")
  if [ "$m" -gt "$best_major" ]; then best="$home"; best_major=$m; fi
done
if [ -z "$best" ] && command -v javac >/dev/null; then
  home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  ok "$home" && best="$home"
fi
if [ -z "$best" ]; then echo "no JDK >= 21 found; install one (e.g. Temurin 21) or set JAVA_HOME" >&2; echo /nonexistent; exit 1; fi
echo "$best"
