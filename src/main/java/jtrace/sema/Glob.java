package jtrace.sema;

/** Shell-style wildcards as probe names use them: {@code *} any run, {@code ?} one character. */
public final class Glob {
    private Glob() {}

    public static boolean isPattern(String s) { return s.indexOf('*') >= 0 || s.indexOf('?') >= 0; }

    public static boolean matches(String pattern, String text) {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') p++;
        return p == pattern.length();
    }
}
