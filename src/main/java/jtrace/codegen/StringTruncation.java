package jtrace.codegen;

/**
 * bpftrace's mark on a printf'd string that was cut at {@code max_strlen}: a string that exactly
 * fills the buffer (its NUL included) is taken as truncated and gets {@code str_trunc_trailer}.
 * bpftrace's value formatter (print, map keys and values, tuple and struct fields) has its own
 * test, a string with no NUL within its type's size; no jtrace string meets it: str() results are
 * NUL-terminated, and bpftrace types a char[N] as string[N+1], so a full char array is whole.
 */
public record StringTruncation(int maxStrlen, String trailer) {
    public static final StringTruncation DEFAULTS =
            new StringTruncation(jtrace.sema.CompileOptions.DEFAULT_MAX_STRLEN, jtrace.sema.ConfigValues.DEFAULTS.strTruncTrailer());

    /** {@code s}, with the trailer when it is {@code max_strlen - 1} bytes long. */
    public String mark(String s) {
        return s.length() + 1 == maxStrlen ? s + trailer : s;
    }
}
