# Sourced by ./jtrace and ./run-tests: sets JAVA to a JDK 25+ `java`, or exits with a message.
# Order: $JAVA_HOME if it is 25 or newer, then the newest JDK 25+ under /usr/lib/jvm.
# The JDK's `release` file names its version: reading it costs no JVM start. Pure shell (no sed,
# no command substitution): each fork+exec would add a millisecond to every jtrace start.

# Sets jdk_v to the major version in $1/release (JAVA_VERSION="25.0.1", or "1.8.0_..." -> 8), or "".
jdk_major() {
  jdk_v=""
  [ -r "$1/release" ] || return 0
  while IFS= read -r jdk_line || [ -n "$jdk_line" ]; do
    case $jdk_line in
      JAVA_VERSION=*)
        jdk_line=${jdk_line#JAVA_VERSION=}
        jdk_line=${jdk_line#\"}
        jdk_line=${jdk_line#1.}
        jdk_v=${jdk_line%%[!0-9]*}
        return 0 ;;
    esac
  done < "$1/release"
}
# Sets JDK_HOME to a JDK 25+, or returns 1.
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    jdk_major "$JAVA_HOME"
    if [ -n "$jdk_v" ] && [ "$jdk_v" -ge 25 ]; then JDK_HOME=$JAVA_HOME; return 0; fi
  fi
  JDK_HOME=""; jdk_best=0
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    [ -L "$d" ] && continue
    jdk_major "$d"
    if [ -n "$jdk_v" ] && [ "$jdk_v" -ge 25 ] && [ "$jdk_v" -gt "$jdk_best" ]; then JDK_HOME=$d; jdk_best=$jdk_v; fi
  done
  [ -n "$JDK_HOME" ]
}
if ! find_jdk; then
  echo "jtrace: needs JDK 25 or newer: set JAVA_HOME to one, or install one under /usr/lib/jvm" >&2
  exit 1
fi
export JAVA_HOME="$JDK_HOME"
# Maven 3.8 under JDK 25 warns about sun.misc.Unsafe on every run; the warning is not ours.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
JAVA="$JDK_HOME/bin/java"
