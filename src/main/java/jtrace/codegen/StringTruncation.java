package jtrace.codegen;

/**
 * bpftrace's mark on a printf'd string that was cut at {@code max_strlen}: a string that exactly
 * fills the buffer (its NUL included) is taken as truncated and gets {@code str_trunc_trailer}.
 */
public record StringTruncation(int maxStrlen, String trailer) {
    public static final StringTruncation DEFAULTS =
            new StringTruncation(jtrace.sema.CompileOptions.DEFAULT_MAX_STRLEN, jtrace.sema.ConfigValues.DEFAULTS.strTruncTrailer());

    /** {@code s}, with the trailer when it is {@code max_strlen - 1} bytes long. */
    public String mark(String s) {
        return s.length() + 1 == maxStrlen ? s + trailer : s;
    }
}
