# Sourced by ./sitrep and .ci/run: sets JAVA_HOME to a JDK >= 21 (the newest under /usr/lib/jvm when the
# current one is older) and puts it first on PATH.
java_major() { "$1/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  JAVA_HOME=""
  if command -v java >/dev/null; then
    cand="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    [ "$(java_major "$cand")" -ge 21 ] 2>/dev/null && JAVA_HOME="$cand"
  fi
  if [ -z "$JAVA_HOME" ]; then
    best=0
    for d in /usr/lib/jvm/*/; do
      d="${d%/}"; [ -x "$d/bin/javac" ] || continue
      v="$(java_major "$d")"; [ -n "$v" ] || continue
      if [ "$v" -ge 21 ] && [ "$v" -gt "$best" ]; then best="$v"; JAVA_HOME="$d"; fi
    done
  fi
  if [ -z "$JAVA_HOME" ]; then
    echo "sitrep needs a JDK 21 or newer: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME" >&2
    exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
