package jtrace.sema;

import jtrace.diag.CompileError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutation fuzzing of the front end (parse, check, generate): every input must give a program or a
 * CompileError, never another exception, never a hang. Jazzer's coverage-guided @FuzzTest was
 * tried first, but its bytecode instrumentation cannot read Java 25 class files (major version 69)
 * and fuzzes blind, so this is a seeded mutation fuzzer over the valid programs in
 * src/test/resources/jtrace/sema/fuzz-seeds, spliced and mutated with bpftrace tokens, and guided
 * by outcomes instead of coverage: an input that ends in an error (or a program) not seen before
 * joins the pool that mutations start from.
 * Bounded to {@value #DEFAULT_SECONDS} s per test run; longer by hand:
 * {@code JTRACE_FUZZ_SECONDS=600 JTRACE_FUZZ_SEED=123 mvn -q -B test -Dtest=FrontEndFuzzTest}.
 */
class FrontEndFuzzTest {
    static final int DEFAULT_SECONDS = 20;
    /** Longer than any real program takes to compile, by far: a hang, not a slow input. */
    private static final long PER_INPUT_SECONDS = 5;

    private static final String[] TOKENS = {
        "{", "}", "(", ")", "[", "]", ";", ",", ":", "?", "/", "*", "+", "-", "%", "!", "~", "&&", "||", "&",
        "|", "^", "<<", ">>", "==", "!=", "<=", ">=", "<", ">", "=", "+=", "++", "--", "->", ".", "\"", "\\",
        "'", "$a", "$b", "@", "@m", "@m[1]", "@[comm]", "0", "1", "-1", "0x", "0xffffffffffffffff",
        "18446744073709551616", "9223372036854775808", "1e3", "1_000", "\"str\"", "\"%d %s\\n\"", "%", "%s", "%d",
        "printf(", "print(", "str(", "count()", "hist(", "lhist(", "sum(", "avg(", "stats(", "min(", "max(",
        "delete(", "clear(", "zero(", "exit()", "kstack", "ustack", "comm", "pid", "tid", "nsecs", "args",
        "args.", "retval", "arg0", "probe", "func", "cpu", "if", "else", "while", "unroll(", "for", "return",
        "break", "continue", "BEGIN", "END", "t:syscalls:sys_enter_openat", "kprobe:vfs_read", "uprobe:",
        "interval:s:1", "profile:hz:99", "struct", "int8", "uint64", "(uint32)", "(int8)", "config =",
        "#define", "macro", "let", "\n", " ", "\t", "//", "/*", "*/", "\u00e9", "\0",
    };

    /** Inputs the fuzzer found that once escaped as other exceptions: now clear errors. */
    @ParameterizedTest
    @ValueSource(strings = {
        "kprobe:vfs_read { @[probe, @func] = count(); }", // NullPointerException in the type checker
        "BEGIN { $t = (1, 2); @ = $t.99999999999; }", // NumberFormatException
        "rawtracepoint:sched_switch { @ = arg99999999999; }", // NumberFormatException
        "BEGIN { printf(\"%d\\n\", $0); }", // ArrayIndexOutOfBoundsException
        "t:s$9223372036854775808scalls:sys_exit_read { }", // NumberFormatException
    })
    void formerFindingsAreCompileErrors(String input) {
        assertThrows(CompileError.class, () -> FrontEnd.compileOrThrow(input));
    }

    @Test
    void everyInputCompilesOrIsACompileError() throws Exception {
        long seed = longSetting("JTRACE_FUZZ_SEED", "jtrace.fuzz.seed", 0x6a747261636566L);
        long seconds = longSetting("JTRACE_FUZZ_SECONDS", "jtrace.fuzz.seconds", DEFAULT_SECONDS);
        List<String> seeds = seeds();
        assertFalse(seeds.isEmpty());
        for (String s : seeds) { // mutations of valid programs reach deeper than noise
            try {
                FrontEnd.compileOrThrow(s);
            } catch (CompileError e) {
                throw new AssertionError("a seed must compile: " + s + "\n" + e.getMessage(), e);
            }
        }

        Random random = new Random(seed);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz", 64 << 20); // ordinary stack depth for a compiler
            t.setDaemon(true);
            return t;
        });
        long iterations = 0;
        // Feedback: an input whose outcome (FrontEnd.outcome: which error, or what program) was not
        // seen before joins the pool that mutations start from, so later inputs start from the
        // checks it reached rather than from the seeds alone.
        List<String> pool = new ArrayList<>(seeds);
        Set<String> outcomes = new HashSet<>();
        try {
            while (System.nanoTime() < deadline) {
                String input = mutate(random, pool);
                iterations++;
                Future<String> f = worker.submit(() -> FrontEnd.outcome(input));
                try {
                    if (outcomes.add(f.get(PER_INPUT_SECONDS, TimeUnit.SECONDS)) && pool.size() < MAX_POOL) pool.add(input);
                } catch (TimeoutException hang) {
                    throw new AssertionError(finding("no result within " + PER_INPUT_SECONDS + " s", seed, iterations, input));
                } catch (ExecutionException e) {
                    throw new AssertionError(finding(e.getCause().toString(), seed, iterations, input), e.getCause());
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertTrue(iterations > 100, "only " + iterations + " inputs in " + seconds + " s");
        System.out.println("front-end fuzz: " + iterations + " inputs, " + outcomes.size() + " distinct outcomes, pool "
                + pool.size() + " (seed " + seed + ", " + seconds + " s)");
    }

    private static String finding(String what, long seed, long iteration, String input) {
        return what + " for input " + iteration + " of seed " + seed + " (JTRACE_FUZZ_SEED=" + seed + "):\n"
                + escape(input);
    }

    /** How many inputs the feedback may add to the mutation pool. */
    private static final int MAX_POOL = 5000;

    /** One to eight mutations of a seed, sometimes spliced with another. */
    static String mutate(Random r, List<String> seeds) {
        StringBuilder s = new StringBuilder(seeds.get(r.nextInt(seeds.size())));
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
            int len = s.isEmpty() ? 0 : r.nextInt(Math.min(16, s.length() - Math.min(at, s.length()) + 1));
            switch (r.nextInt(7)) {
                case 0 -> s.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                case 1 -> s.delete(at, at + len);
                case 2 -> s.replace(at, at + len, TOKENS[r.nextInt(TOKENS.length)]);
                case 3 -> s.insert(at, s.substring(at, at + len)); // duplicate a range
                case 4 -> {
                    String other = seeds.get(r.nextInt(seeds.size()));
                    int from = r.nextInt(other.length());
                    s.insert(at, other, from, Math.min(other.length(), from + 1 + r.nextInt(40)));
                }
                case 5 -> { if (at < s.length()) s.setCharAt(at, (char) (32 + r.nextInt(95))); }
                default -> s.insert(at, String.valueOf(r.nextInt(3) == 0 ? -r.nextLong() : r.nextInt(1 << 20)));
            }
        }
        return s.toString();
    }

    static List<String> seeds() {
        try {
            Path dir = Path.of(FrontEndFuzzTest.class.getResource("fuzz-seeds").toURI());
            List<String> seeds = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) seeds.add(Files.readString(p, StandardCharsets.UTF_8));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static long longSetting(String env, String property, long fallback) {
        String v = System.getenv(env);
        if (v == null || v.isBlank()) v = System.getProperty(property);
        return v == null || v.isBlank() ? fallback : Long.decode(v.trim());
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\n') b.append("\\n\n");
            else if (c < 32 || c > 126) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }
}
