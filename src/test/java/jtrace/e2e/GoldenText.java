package jtrace.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opentest4j.AssertionFailedError;

/**
 * Exact comparison of tracer output with expected text, failing with a line diff that shows
 * invisible differences: trailing spaces as '·', tabs as '→', a missing final newline.
 * <pre>
 *   GoldenText.assertSameText("Attached 1 probe\n\n@[jtwl]: 5\n", result.stdout());
 *   GoldenText.assertMatches("@start: {{\\d+}}\n", result.stdout());   // {{regex}} per placeholder
 * </pre>
 * The failure is an opentest4j AssertionFailedError carrying expected/actual, so IDEs offer their
 * own diff view too.
 */
public final class GoldenText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");
    private static final int CONTEXT = 3;

    private GoldenText() {}

    /** One line of text; terminated is false only for a last line without '\n'. */
    record Line(String text, boolean terminated) {}

    public static void assertSameText(String expected, String actual) {
        assertSameText("output", expected, actual);
    }

    /** Fails unless actual equals expected character for character; what names the text. */
    public static void assertSameText(String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new AssertionFailedError(what + " differs from expected (- expected, + actual):\n"
                    + diff(lines(expected), lines(actual), Line::equals), expected, actual);
        }
    }

    public static void assertMatches(String template, String actual) {
        assertMatches("output", template, actual);
    }

    /**
     * Like assertSameText, but each {{regex}} in the template matches the regex instead of itself
     * (within one line). Everything else is literal.
     */
    public static void assertMatches(String what, String template, String actual) {
        List<Line> t = lines(template);
        List<Line> a = lines(actual);
        List<Pattern> patterns = t.stream().map(l -> linePattern(l.text())).toList();
        BiPredicate<Integer, Integer> sameAt = (i, j) -> t.get(i).terminated() == a.get(j).terminated()
                && patterns.get(i).matcher(a.get(j).text()).matches();
        if (t.size() != a.size() || !allMatch(t.size(), sameAt)) {
            throw new AssertionFailedError(what + " does not match the template (- template, + actual):\n"
                    + diffIndexed(t, a, sameAt), template, actual);
        }
    }

    /** A readable line diff of two texts, "" when they are equal. */
    public static String diff(String expected, String actual) {
        return expected.equals(actual) ? "" : diff(lines(expected), lines(actual), Line::equals);
    }

    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                lines.add(new Line(text.substring(start), false));
                break;
            }
            lines.add(new Line(text.substring(start, nl), true));
            start = nl + 1;
        }
        return lines;
    }

    static Pattern linePattern(String templateLine) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(templateLine);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(templateLine.substring(last, m.start()))).append("(?:").append(m.group(1)).append(')');
            last = m.end();
        }
        regex.append(Pattern.quote(templateLine.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private static boolean allMatch(int n, BiPredicate<Integer, Integer> sameAt) {
        for (int i = 0; i < n; i++) {
            if (!sameAt.test(i, i)) return false;
        }
        return true;
    }

    private static String diff(List<Line> e, List<Line> a, BiPredicate<Line, Line> same) {
        return diffIndexed(e, a, (i, j) -> same.test(e.get(i), a.get(j)));
    }

    /** Longest-common-subsequence diff with a few lines of context around each change. */
    private static String diffIndexed(List<Line> e, List<Line> a, BiPredicate<Integer, Integer> same) {
        int n = e.size();
        int m = a.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same.test(i, j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> rows = new ArrayList<>(); // each starts with ' ', '-' or '+'
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && same.test(i, j)) {
                rows.add(" " + show(a.get(j++)));
                i++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                rows.add("-" + show(e.get(i++)));
            } else {
                rows.add("+" + show(a.get(j++)));
            }
        }
        return withContext(rows);
    }

    private static String withContext(List<String> rows) {
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (k < rows.size()) {
            if (rows.get(k).charAt(0) != ' ') {
                out.append(rows.get(k++).charAt(0) == '-' ? "- " : "+ ").append(rows.get(k - 1).substring(1)).append('\n');
                continue;
            }
            int end = k;
            while (end < rows.size() && rows.get(end).charAt(0) == ' ') end++;
            int lead = k == 0 ? 0 : CONTEXT;           // context after the previous change
            int trail = end == rows.size() ? 0 : CONTEXT; // context before the next change
            if (end - k > lead + trail + 1) {
                for (int x = k; x < k + lead; x++) out.append("  ").append(rows.get(x).substring(1)).append('\n');
                out.append("  ... (").append(end - k - lead - trail).append(" equal lines)\n");
                for (int x = end - trail; x < end; x++) out.append("  ").append(rows.get(x).substring(1)).append('\n');
            } else {
                for (int x = k; x < end; x++) out.append("  ").append(rows.get(x).substring(1)).append('\n');
            }
            k = end;
        }
        return out.toString();
    }

    /** The line with tabs as '→', trailing spaces as '·', and a marker when no newline ends it. */
    static String show(Line line) {
        String t = line.text().replace("\t", "→").replace("\r", "\\r");
        int end = t.length();
        while (end > 0 && t.charAt(end - 1) == ' ') end--;
        String visible = t.substring(0, end) + "·".repeat(t.length() - end);
        return line.terminated() ? visible : visible + "  \\ no newline at end";
    }
}
