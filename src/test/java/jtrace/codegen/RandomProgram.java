package jtrace.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A random well-typed BEGIN program (integer arithmetic, variables, a map, strings, if/else,
 * printf) together with what it must print: the generator evaluates each statement as it writes
 * it, with Java's 64-bit arithmetic, which is eBPF's. Only the taken branch of an if changes the
 * state; the other is generated from a copy, so it must compile and verify but never runs.
 */
record RandomProgram(String text, String expectedPrintf, List<String> expectedMapLines) {

    /** Generates the program for one seed: the same seed always gives the same program. */
    static RandomProgram generate(long seed) {
        Gen g = new Gen(new Random(seed));
        StringBuilder body = new StringBuilder();
        StringBuilder out = new StringBuilder();
        // a map read needs the map assigned somewhere: define it first (other keys read as 0)
        long first = g.r.nextInt(100);
        body.append("  @m[0] = ").append(first).append(";\n");
        g.state.map.put(0L, first);
        g.block(body, out, g.state, 2 + g.r.nextInt(10), 0);
        List<String> maps = new ArrayList<>();
        for (Map.Entry<Long, Long> e : g.state.map.entrySet()) maps.add("@m[" + e.getKey() + "]: " + e.getValue());
        return new RandomProgram("BEGIN {\n" + body + "}\n", out.toString(), maps);
    }

    /** Values of the variables and the map at one point of the program. */
    private static final class State {
        final Map<String, Long> ints = new LinkedHashMap<>();
        final Map<String, String> strs = new LinkedHashMap<>();
        final TreeMap<Long, Long> map = new TreeMap<>();

        State copy() {
            State s = new State();
            s.ints.putAll(ints);
            s.strs.putAll(strs);
            s.map.putAll(map);
            return s;
        }

        void takeFrom(State other) {
            ints.clear();
            ints.putAll(other.ints);
            strs.clear();
            strs.putAll(other.strs);
            map.clear();
            map.putAll(other.map);
        }
    }

    /** An expression's text and value. */
    private record Val(String text, long value) {}

    private static final class Gen {
        static final String[] WORDS = {"a", "bc", "jtrace", "hello world", "x y z", ""};
        final Random r;
        final State state = new State();
        int intVars;
        int strVars;

        Gen(Random r) { this.r = r; }

        void block(StringBuilder sb, StringBuilder out, State s, int n, int depth) {
            for (int i = 0; i < n; i++) stmt(sb, out, s, depth);
        }

        void stmt(StringBuilder sb, StringBuilder out, State s, int depth) {
            String pad = "  ".repeat(depth + 1);
            int k = r.nextInt(depth < 2 ? 8 : 6);
            switch (k) {
                case 0, 1 -> { // new or existing integer variable (new ones only at the top level: block scoping)
                    String name = depth == 0 && (s.ints.isEmpty() || r.nextInt(3) == 0) && intVars < 8
                            ? "$v" + intVars++ : pick(s.ints.keySet());
                    if (name == null) { stmt(sb, out, s, depth); return; }
                    Val v = expr(s, 3);
                    sb.append(pad).append(name).append(" = ").append(v.text).append(";\n");
                    s.ints.put(name, v.value);
                }
                case 2 -> { // map element
                    long key = r.nextInt(4);
                    Val v = expr(s, 3);
                    sb.append(pad).append("@m[").append(key).append("] = ").append(v.text).append(";\n");
                    s.map.put(key, v.value);
                }
                case 3 -> { // compound assignment or increment of an existing variable
                    String name = pick(s.ints.keySet());
                    if (name == null) { stmt(sb, out, s, depth); return; }
                    if (r.nextBoolean()) {
                        sb.append(pad).append(name).append("++;\n");
                        s.ints.put(name, s.ints.get(name) + 1);
                    } else {
                        Val v = expr(s, 2);
                        sb.append(pad).append(name).append(" += ").append(v.text).append(";\n");
                        s.ints.put(name, s.ints.get(name) + v.value);
                    }
                }
                case 4 -> { // string variable
                    if (depth > 0 && s.strs.isEmpty() || strVars >= 2 && s.strs.isEmpty()) { stmt(sb, out, s, depth); return; }
                    String name = depth == 0 && strVars < 2 && (s.strs.isEmpty() || r.nextBoolean()) ? "$s" + strVars++ : pick(s.strs.keySet());
                    String w = WORDS[r.nextInt(WORDS.length)];
                    sb.append(pad).append(name).append(" = \"").append(w).append("\";\n");
                    s.strs.put(name, w);
                }
                case 5 -> printf(sb, out, s, pad);
                default -> { // if / else
                    Val c = cond(s, 2);
                    State taken = s.copy();
                    State other = s.copy();
                    StringBuilder then = new StringBuilder();
                    StringBuilder otherwise = new StringBuilder();
                    StringBuilder discard = new StringBuilder();
                    boolean yes = c.value != 0;
                    block(then, yes ? out : discard, yes ? taken : other, 1 + r.nextInt(3), depth + 1);
                    boolean hasElse = r.nextBoolean();
                    if (hasElse) block(otherwise, yes ? discard : out, yes ? other : taken, 1 + r.nextInt(3), depth + 1);
                    sb.append(pad).append("if (").append(c.text).append(") {\n").append(then).append(pad).append("}");
                    if (hasElse) sb.append(" else {\n").append(otherwise).append(pad).append("}");
                    sb.append("\n");
                    s.takeFrom(taken);
                }
            }
        }

        void printf(StringBuilder sb, StringBuilder out, State s, String pad) {
            int n = 1 + r.nextInt(3);
            StringBuilder fmt = new StringBuilder("p");
            StringBuilder args = new StringBuilder();
            StringBuilder line = new StringBuilder("p");
            for (int i = 0; i < n; i++) {
                String str = r.nextInt(4) == 0 ? pick(s.strs.keySet()) : null;
                if (str != null) {
                    fmt.append(" [%s]");
                    args.append(", ").append(str);
                    line.append(" [").append(s.strs.get(str)).append("]");
                } else {
                    Val v = expr(s, 3);
                    fmt.append(" %d");
                    args.append(", ").append(v.text);
                    line.append(" ").append(v.value);
                }
            }
            sb.append(pad).append("printf(\"").append(fmt).append("\\n\"").append(args).append(");\n");
            out.append(line).append("\n");
        }

        Val expr(State s, int depth) {
            int k = depth <= 0 ? r.nextInt(3) : r.nextInt(12);
            switch (k) {
                case 0 -> {
                    long v = r.nextInt(5) == 0 ? r.nextLong() >> r.nextInt(64) : r.nextInt(2001) - 1000;
                    if (v == Long.MIN_VALUE) v++; // its digits do not fit int64 before the minus
                    // negative literals in parentheses: "- -5" and "$a-5" read alike either way
                    return new Val(v < 0 ? "(" + v + ")" : Long.toString(v), v);
                }
                case 1 -> {
                    String name = pick(s.ints.keySet());
                    if (name != null) return new Val(name, s.ints.get(name));
                    return expr(s, 0);
                }
                case 2 -> {
                    long key = r.nextInt(4);
                    return new Val("@m[" + key + "]", s.map.getOrDefault(key, 0L));
                }
                case 3 -> {
                    Val a = expr(s, depth - 1);
                    return new Val("-" + paren(a), -a.value);
                }
                case 4 -> {
                    Val a = expr(s, depth - 1);
                    return new Val("~" + paren(a), ~a.value);
                }
                case 5 -> {
                    Val c = cond(s, depth - 1);
                    Val a = expr(s, depth - 1);
                    Val b = expr(s, depth - 1);
                    return new Val("(" + c.text + " ? " + a.text + " : " + b.text + ")", c.value != 0 ? a.value : b.value);
                }
                case 6 -> {
                    Val a = expr(s, depth - 1);
                    long d = (2 + r.nextInt(8)) * (r.nextBoolean() ? 1 : -1);
                    boolean div = r.nextBoolean();
                    String ds = d < 0 ? "(" + d + ")" : Long.toString(d);
                    return new Val("(" + a.text + (div ? " / " : " % ") + ds + ")", div ? a.value / d : a.value % d);
                }
                case 7 -> {
                    Val a = expr(s, depth - 1);
                    int n = r.nextInt(64);
                    boolean left = r.nextBoolean();
                    return new Val("(" + a.text + (left ? " << " : " >> ") + n + ")", left ? a.value << n : a.value >> n);
                }
                default -> {
                    Val a = expr(s, depth - 1);
                    Val b = expr(s, depth - 1);
                    return switch (r.nextInt(6)) {
                        case 0 -> new Val("(" + a.text + " + " + b.text + ")", a.value + b.value);
                        case 1 -> new Val("(" + a.text + " - " + b.text + ")", a.value - b.value);
                        case 2 -> new Val("(" + a.text + " * " + b.text + ")", a.value * b.value);
                        case 3 -> new Val("(" + a.text + " & " + b.text + ")", a.value & b.value);
                        case 4 -> new Val("(" + a.text + " | " + b.text + ")", a.value | b.value);
                        default -> new Val("(" + a.text + " ^ " + b.text + ")", a.value ^ b.value);
                    };
                }
            }
        }

        /** A condition: comparisons of integers or strings, combined with &&, ||, !. Its value is 0 or 1. */
        Val cond(State s, int depth) {
            int k = depth <= 0 ? r.nextInt(2) : r.nextInt(5);
            if (k == 1 && s.strs.isEmpty()) k = 0;
            switch (k) {
                case 0 -> {
                    Val a = expr(s, Math.max(0, depth - 1));
                    Val b = expr(s, Math.max(0, depth - 1));
                    String[] ops = {"<", "<=", ">", ">=", "==", "!="};
                    int op = r.nextInt(ops.length);
                    boolean v = switch (op) {
                        case 0 -> a.value < b.value;
                        case 1 -> a.value <= b.value;
                        case 2 -> a.value > b.value;
                        case 3 -> a.value >= b.value;
                        case 4 -> a.value == b.value;
                        default -> a.value != b.value;
                    };
                    return new Val(a.text + " " + ops[op] + " " + b.text, v ? 1 : 0);
                }
                case 1 -> {
                    String str = pick(s.strs.keySet());
                    String w = WORDS[r.nextInt(WORDS.length)];
                    boolean eq = r.nextBoolean();
                    boolean same = s.strs.get(str).equals(w);
                    return new Val(str + (eq ? " == \"" : " != \"") + w + "\"", (eq == same) ? 1 : 0);
                }
                case 2 -> {
                    Val c = cond(s, depth - 1);
                    return new Val("!(" + c.text + ")", c.value == 0 ? 1 : 0);
                }
                default -> {
                    Val a = cond(s, depth - 1);
                    Val b = cond(s, depth - 1);
                    boolean and = k == 3;
                    return new Val("(" + a.text + (and ? " && " : " || ") + b.text + ")",
                            and ? (a.value != 0 && b.value != 0 ? 1 : 0) : (a.value != 0 || b.value != 0 ? 1 : 0));
                }
            }
        }

        private static String paren(Val v) {
            return "(" + v.text + ")";
        }

        private String pick(java.util.Set<String> names) {
            if (names.isEmpty()) return null;
            int i = r.nextInt(names.size());
            return names.stream().skip(i).findFirst().orElseThrow();
        }
    }
}
