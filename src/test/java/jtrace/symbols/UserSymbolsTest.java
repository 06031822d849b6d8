package jtrace.symbols;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Symbolizes addresses of a live process built with gcc: PIE, non-PIE and static, in the binary and in libc. */
class UserSymbolsTest {
    @TempDir
    Path dir;

    static final String PROGRAM = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <unistd.h>
            __attribute__((noinline)) int jt_target(int x) { return x * 3 + 1; }
            static __attribute__((noinline)) int jt_local(int x) { return jt_target(x) - 1; }
            int main(void) {
                printf("%d %lx %lx %lx\\n", (int)getpid(), (unsigned long)&jt_target, (unsigned long)&jt_local, (unsigned long)&abs);
                fflush(stdout);
                pause();
                return jt_local(2);
            }
            """;

    private Process start(String... flags) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "needs gcc");
        Path src = dir.resolve("p.c");
        Files.writeString(src, PROGRAM);
        Path bin = dir.resolve("p" + String.join("", flags).replace("-", "_"));
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O1", "-o", bin.toString(), src.toString()));
        cmd.addAll(List.of(flags));
        Process gcc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(gcc.getInputStream().readAllBytes());
        assumeTrue(gcc.waitFor() == 0, "gcc " + cmd + ": " + out);
        return new ProcessBuilder(bin.toString()).start();
    }

    @Test
    void resolvesFunctionsOfAPieNonPieAndStaticBinary() throws Exception {
        for (String[] flags : new String[][] {{"-pie", "-fPIE"}, {"-no-pie"}, {"-static"}}) {
            Process p = start(flags);
            try {
                String[] f = new BufferedReader(new InputStreamReader(p.getInputStream())).readLine().split(" ");
                int pid = Integer.parseInt(f[0]);
                long target = Long.parseUnsignedLong(f[1], 16), local = Long.parseUnsignedLong(f[2], 16);
                long abs = Long.parseUnsignedLong(f[3], 16);
                UserSymbols u = new UserSymbols();
                String what = String.join(" ", flags);
                assertEquals("jt_target+0", u.format(pid, target, true, false), what);
                assertEquals("jt_target+2", u.format(pid, target + 2, true, false), what);
                assertEquals("jt_local", u.format(pid, local, false, false), what);
                assertTrue(u.format(pid, abs, false, false).contains("abs"), what + ": " + u.format(pid, abs, true, true));
                assertTrue(u.format(pid, target, true, true).matches("jt_target\\+0 \\(/.*\\)"), u.format(pid, target, true, true));
                assertEquals("0x10 ([unknown])", u.format(pid, 0x10, true, true));
                assertEquals("0x10", u.format(pid, 0x10, true, false));
            } finally {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void mapsLinesParse() {
        ProcessMaps m = ProcessMaps.parse("""
                00400000-00401000 r--p 00000000 08:01 1234 /usr/bin/x
                00401000-00402000 r-xp 00001000 08:01 1234 /usr/bin/x
                7ffd0000-7ffd1000 rw-p 00000000 00:00 0 [stack]
                7f0000000000-7f0000001000 r-xp 00002000 08:01 99 /lib/libc.so.6 (deleted)
                """);
        assertEquals(3, m.mappings().size());
        assertEquals(0x1000, m.find(0x401800).orElseThrow().offset());
        assertEquals("/lib/libc.so.6", m.find(0x7f0000000010L).orElseThrow().path());
        assertTrue(m.find(0x7ffd0010L).isEmpty(), "anonymous mappings have no symbols");
    }
}
