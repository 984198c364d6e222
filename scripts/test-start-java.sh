#!/usr/bin/env bash
# Checks scripts/start-java.sh, the images' ENTRYPOINT, on a small app: the first run records and leaves a cache when
# it is stopped; the next run starts from it without recording; a recording run killed outright (before its stop)
# leaves no cache; a new build of the jar records its own and the old cache goes; without a cache directory the app
# starts all the same; the JVM gets two malloc arenas unless the environment says otherwise. The app runs with the
# backend image's JVM options. Needs a JDK 25+ (ahead-of-time caches); skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
jdk=$(./scripts/find-jdk.sh)
if ! "$jdk/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
  echo "start-java.sh: $jdk has no ahead-of-time cache (JDK 25+ needed): not checked" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'pkill -KILL -f "$work/app" 2>/dev/null || true; rm -rf "$work"' EXIT
export JAVA="$jdk/bin/java"

build() { # $1: the text the app prints when it is up (a new text is a new build of the jar)
  mkdir -p "$work/src" "$work/classes"
  cat >"$work/src/Demo.java" <<JAVA
public class Demo {
    public static void main(String[] args) throws Exception {
        java.util.List<String> warm = new java.util.ArrayList<>(java.util.List.of("a", "b"));
        warm.sort(String::compareTo);
        System.out.println("$1 " + warm + " arenas=" + System.getenv("MALLOC_ARENA_MAX"));
        Thread.sleep(Long.MAX_VALUE);
    }
}
JAVA
  "$jdk/bin/javac" -d "$work/classes" "$work/src/Demo.java"
  "$jdk/bin/jar" --create --file "$work/app.jar" --main-class Demo -C "$work/classes" .
}

# The backend image's own JVM options (its Dockerfile's ENTRYPOINT, between the name and -jar), so a cache is
# recorded and used with them as in the image.
mapfile -t image_options < <(grep '^ENTRYPOINT \[' backend/Dockerfile | grep -o '"[^"]*"' | tr -d '"' \
  | sed -n '/^backend$/,/^-jar$/p' | sed '1d;$d')
[ "${#image_options[@]}" -gt 0 ] || { echo "start-java.sh: no JVM options in backend/Dockerfile's ENTRYPOINT" >&2; exit 1; }

start() { # starts the script in the background; waits until the app printed $1
  bash ./scripts/start-java.sh "$work/cache" demo -Xmx64m "${image_options[@]}" -jar "$work/app.jar" >"$work/out" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q "^$1 " "$work/out" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "start-java.sh: the app did not come up:" >&2
  cat "$work/out" >&2
  exit 1
}

stop() { # SIGTERM, as docker stop sends, then as long as docker's grace period; the exit status in $status
  kill -TERM "$pid"
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && fail "the script did not end within 60 s of SIGTERM"
  status=0
  wait "$pid" || status=$?
}

fail() {
  echo "start-java.sh: $1" >&2
  ls -la "$work/cache" >&2 || true
  cat "$work/out" >&2
  exit 1
}

mkdir -p "$work/cache"
build one
start one
grep -q "^one .* arenas=2$" "$work/out" || fail "the JVM did not get MALLOC_ARENA_MAX=2"
stop
[ "$status" = 143 ] || fail "a stopped recording run did not exit as the JVM does on SIGTERM (143): $status"
caches=("$work"/cache/demo-*.aot)
[ "${#caches[@]}" = 1 ] && [ -s "${caches[0]}" ] || fail "the first run left no cache"
case "${caches[0]}" in *.recording.aot) fail "the recording was not made the cache" ;; esac
first=${caches[0]}

start one
stop
grep -q "AOTCache creation" "$work/out" && fail "a start with a cache recorded again"
[ "$(ls "$work/cache")" = "$(basename "$first")" ] || fail "a start with a cache changed the cache directory"

build two
start two
pkill -KILL -f "$work/app.jar"
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ ! -e "$first" ] || fail "a new build of the jar kept the old build's cache"
ls "$work"/cache/demo-*.aot 2>/dev/null | grep -v recording && fail "a recording run killed before its stop left a cache"

start two
stop
[ "$status" = 143 ] || fail "the recording run after a killed one did not stop cleanly: $status"
ls "$work"/cache/demo-*.aot | grep -qv recording || fail "the recording run after a killed one left no cache"
# A cache directory that isn't there (a volume not mounted; one not writable is treated alike): it starts, without
# a cache.
MALLOC_ARENA_MAX=4 bash ./scripts/start-java.sh "$work/missing" demo -Xmx64m -jar "$work/app.jar" >"$work/out" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q "^two " "$work/out" && break
  kill -0 "$pid" 2>/dev/null || fail "the app did not start without a writable cache directory"
  sleep 0.1
done
grep -q "starting without an ahead-of-time cache" "$work/out" || fail "no word that the cache directory is unusable"
grep -q "^two .* arenas=4$" "$work/out" || fail "an operator's MALLOC_ARENA_MAX was not kept"
stop
[ "$status" = 143 ] || fail "the app without a cache did not stop as the JVM does on SIGTERM: $status"
echo "start-java.sh OK"
