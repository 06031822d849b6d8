# Sourced by ./jtrace and ./run-tests: sets JAVA to a JDK 25+ `java`, or exits with a message.
# Order: $JAVA_HOME if it is 25 or newer, then the newest JDK 25+ under /usr/lib/jvm.
# The JDK's `release` file names its version: reading it costs no JVM start.
jdk_major() {
  sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release" 2>/dev/null | head -n 1
}
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(jdk_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  best=""; bestv=0
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    [ -L "$d" ] && continue
    v=$(jdk_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$bestv" ]; then best="$d"; bestv="$v"; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  return 1
}
if ! JDK_HOME=$(find_jdk); then
  echo "jtrace: needs JDK 25 or newer: set JAVA_HOME to one, or install one under /usr/lib/jvm" >&2
  exit 1
fi
export JAVA_HOME="$JDK_HOME"
# Maven 3.8 under JDK 25 warns about sun.misc.Unsafe on every run; the warning is not ours.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
JAVA="$JDK_HOME/bin/java"
