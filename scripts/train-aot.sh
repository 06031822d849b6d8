#!/bin/sh
# Creates jtrace's AOT cache (see ./jtrace): usage: train-aot.sh JAVA JAR AOT "FLAGS".
# One training run of a small program that touches parsing, checking, code generation, map and
# program loading, attaching and output; niced so that it does not slow the run that started it.
# Without root the run stops after compiling, and the cache covers the compiler only.
JAVA=$1 JAR=$2 AOT=$3 FLAGS=$4
LOCK="$AOT.lock"
# A lock older than two minutes was left by a killed run.
[ -d "$LOCK" ] && [ -n "$(find "$LOCK" -maxdepth 0 -mmin +2)" ] && rmdir "$LOCK"
mkdir "$LOCK" 2>/dev/null || exit 0        # another training run is under way
trap 'rm -rf "$LOCK" "$AOT.$$" "$AOT.$$.config"' EXIT
PROG='t:syscalls:sys_enter_getpid /pid == 0/ { @n[comm] = count(); }
BEGIN { @c[comm, 1] = count(); @h = hist(5); @l = lhist(3, 0, 10, 1); @s = sum(2); @a = avg(2);
  $x = 1 + 2 * 3; if ($x > 2) { printf("%d %s %u\n", $x, str("x"), 7); } print(@c); clear(@s); exit(); }
END { @e = max(1); }'
# -AOTRecordTraining: no method profiles in the cache. With C1 only (TieredStopAtLevel=1) they buy
# nothing, and replaying them (the JVM's "Training replay" thread, and the compilations it
# brings forward) costs each run ~8 ms of CPU. A diagnostic flag, so unknown ones are ignored.
# shellcheck disable=SC2086 # FLAGS is a list of flags
nice -n 19 "$JAVA" $FLAGS -XX:+UnlockDiagnosticVMOptions -XX:+IgnoreUnrecognizedVMOptions -XX:-AOTRecordTraining \
  -XX:AOTCacheOutput="$AOT.$$" -XX:AOTConfiguration="$AOT.$$.config" \
  -jar "$JAR" -e "$PROG" </dev/null >/dev/null 2>&1
[ -s "$AOT.$$" ] && [ "$JAR" -ot "$AOT.$$" ] && mv -f "$AOT.$$" "$AOT"
exit 0
