package jtrace.codegen;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random well-typed BEGIN programs ({@link RandomProgram}) compiled, loaded through the kernel
 * verifier and run in-process: each must be accepted and print what the generator computed.
 * Seeds are fixed, so a failure reproduces; the message names the seed and shows the program.
 * More programs by hand: {@code JTRACE_RANDOM_PROGRAMS=2000 JTRACE_RANDOM_SEED=99 mvn -q -B test -Dtest=RandomProgramKernelTest}.
 */
class RandomProgramKernelTest {
    private static final int DEFAULT_COUNT = 150;

    @Test
    void generatorIsReproducible() {
        assertEquals(RandomProgram.generate(42), RandomProgram.generate(42));
        assertTrue(!RandomProgram.generate(42).text().equals(RandomProgram.generate(43).text()));
    }

    @Test
    void randomProgramsVerifyAndPrintWhatTheyCompute() {
        long first = setting("JTRACE_RANDOM_SEED", 1);
        long count = setting("JTRACE_RANDOM_PROGRAMS", DEFAULT_COUNT);
        List<String> failures = new ArrayList<>();
        for (long seed = first; seed < first + count && failures.size() < 3; seed++) {
            RandomProgram p = RandomProgram.generate(seed);
            CodegenKernelTest.Run r = CodegenKernelTest.run("-e", p.text());
            String expectedStart = p.expectedPrintf() + "\n\n";
            List<String> maps = r.out().startsWith(expectedStart)
                    ? Arrays.stream(r.out().substring(expectedStart.length()).split("\n")).filter(l -> !l.isEmpty()).sorted().toList()
                    : null;
            List<String> expectedMaps = p.expectedMapLines().stream().sorted().toList();
            if (r.status() != 0 || maps == null || !maps.equals(expectedMaps)) {
                failures.add("seed " + seed + " (JTRACE_RANDOM_SEED=" + seed + " JTRACE_RANDOM_PROGRAMS=1):\n" + p.text()
                        + "--- exit status " + r.status() + ", expected stdout ---\n" + expectedStart
                        + String.join("\n", expectedMaps) + "\n--- stdout ---\n" + r.out() + "--- stderr ---\n" + r.err());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failing program(s); first:\n" + String.join("\n\n", failures));
    }

    private static long setting(String env, long fallback) {
        String v = System.getenv(env);
        return v == null || v.isBlank() ? fallback : Long.parseLong(v.trim());
    }
}
