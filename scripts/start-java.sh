#!/bin/bash
# Starts a Dark Maximus JVM with an ahead-of-time cache (JDK 25: JEPs 483, 514, 515; docs/adr/0013), as the images'
# ENTRYPOINT does:  start-java.sh <cache directory> <name> [java options…] -jar <jar> [arguments…]
#
# The cache holds the app's classes loaded and linked (and what the JIT learnt while it ran, unless the options say
# -XX:-AOTRecordTraining as the images' do): a start with it is faster than with a class-data archive alone, and maps
# less memory (docs/benchmarks.md). It belongs to one build of the app, so its name carries the jar's checksum (the
# jar's manifest names every library by version): a new image starts without it, records, and writes its own cache
# when it stops.
# JAVA names the java launcher (default: java on the PATH).
set -euo pipefail

dir=$1
name=$2
shift 2
options=()
while [ $# -gt 0 ] && [ "$1" != "-jar" ]; do
  options+=("$1")
  shift
done
if [ $# -lt 2 ]; then
  echo "usage: start-java.sh <cache directory> <name> [java options…] -jar <jar> [arguments…]" >&2
  exit 64
fi
jar=$2
shift 2
java=${JAVA:-java}
# Two malloc arenas instead of one per core and thread: the JVM's own C allocations are few after start, and the
# arenas' unused tails stay resident (docs/benchmarks.md, idle memory). An operator's own value wins.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
cache="$dir/$name-$(cksum < "$jar" | cut -d ' ' -f 1).aot"

if [ -f "$cache" ]; then
  # An unusable cache (another JVM version) is passed over by the JVM, which then starts as it would without one.
  exec "$java" -XX:AOTCache="$cache" "${options[@]}" -jar "$jar" "$@"
fi
if ! [ -d "$dir" ] || ! [ -w "$dir" ]; then
  echo "start-java.sh: $dir is not a writable directory: starting without an ahead-of-time cache" >&2
  exec "$java" "${options[@]}" -jar "$jar" "$@"
fi

# This run records: the JVM writes the cache as it exits, to a file of its own that becomes the cache only once the
# JVM ended of itself (a stop, SIGTERM included). A run killed while writing leaves no half cache behind.
rm -f "$dir/$name"-*.aot "$dir/$name"-*.aot.config
recording="${cache%.aot}.recording.aot"
# Trapped before the JVM starts: as PID 1 in a container, bash ignores a SIGTERM it has no handler for.
pid=""
stopping=""
trap 'stopping=1; [ -z "$pid" ] || kill -TERM "$pid" 2>/dev/null || true' TERM INT
"$java" -XX:AOTCacheOutput="$recording" "${options[@]}" -jar "$jar" "$@" &
pid=$!
if [ -n "$stopping" ]; then
  kill -TERM "$pid" 2>/dev/null || true
fi
# A signal passed on ends `wait` early, and so may a second one while the JVM writes: wait until it has really ended,
# then take its own exit status (bash keeps it for a second `wait`).
while kill -0 "$pid" 2>/dev/null; do
  wait "$pid" 2>/dev/null || true
done
status=0
wait "$pid" 2>/dev/null || status=$?
if [ "$status" -eq 0 ] || [ "$status" -eq 143 ] || [ "$status" -eq 130 ]; then
  if [ -s "$recording" ]; then
    mv "$recording" "$cache" || echo "start-java.sh: could not keep the cache $cache: the next start records again" >&2
  fi
fi
rm -f "$recording" "$recording.config"
exit "$status"
