package jtrace.e2e;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Narrows the output of a system-wide probe to the workload's entries while keeping everything
 * else (header, blank lines, unkeyed maps) for the structural comparison:
 * <pre>
 *   // "@bytes[bash]: 12\n@bytes[jtwl]: 500\n@count: 3\n" -> "@bytes[jtwl]: 500\n@count: 3\n"
 *   GoldenText.assertSameText(expected, OutputFilter.onlyComm(result.stdout(), "jtwl"));
 * </pre>
 * A keyed map entry is one line "@name[key]: value", or, for hist/lhist and other multi-line
 * values, the line "@name[key]: " followed by its lines up to and including the blank line that
 * ends it. Dropping an entry drops all of those lines.
 */
public final class OutputFilter {
    /** "@name[key]: rest"; the key is everything up to the last "]:" of the line. */
    private static final Pattern ENTRY = Pattern.compile("@\\w*\\[(.*)\\]:(.*)");

    private OutputFilter() {}

    /** Keeps keyed map entries whose key text (between the brackets) passes keep. */
    public static String onlyKeys(String output, Predicate<String> keep) {
        StringBuilder out = new StringBuilder();
        List<GoldenText.Line> lines = GoldenText.lines(output);
        int i = 0;
        while (i < lines.size()) {
            GoldenText.Line line = lines.get(i);
            Matcher m = ENTRY.matcher(line.text());
            if (!m.matches()) {
                append(out, line);
                i++;
                continue;
            }
            int end = i + 1;
            if (m.group(2).isBlank()) { // multi-line value: runs through its closing blank line
                while (end < lines.size() && !lines.get(end).text().isEmpty()) end++;
                if (end < lines.size()) end++;
            }
            if (keep.test(m.group(1))) {
                for (int k = i; k < end; k++) append(out, lines.get(k));
            }
            i = end;
        }
        return out.toString();
    }

    /** Keeps keyed entries whose key is comm, or whose first key element is comm ("@[jtwl, -9]: 7"). */
    public static String onlyComm(String output, String comm) {
        return onlyKeys(output, key -> key.equals(comm) || key.startsWith(comm + ", "));
    }

    /** Keeps the lines that pass keep (e.g. printf output that names its comm). */
    public static String keepLines(String output, Predicate<String> keep) {
        StringBuilder out = new StringBuilder();
        for (GoldenText.Line line : GoldenText.lines(output)) {
            if (keep.test(line.text())) append(out, line);
        }
        return out.toString();
    }

    /** Drops the lines that match drop. */
    public static String dropLines(String output, Predicate<String> drop) {
        return keepLines(output, drop.negate());
    }

    private static void append(StringBuilder out, GoldenText.Line line) {
        out.append(line.text());
        if (line.terminated()) out.append('\n');
    }
}
