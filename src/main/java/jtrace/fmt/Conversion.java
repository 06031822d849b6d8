package jtrace.fmt;

/**
 * One conversion spec of a format string, e.g. {@code %-8llx}.
 *
 * @param text      the spec exactly as written
 * @param width     field width, 0 when absent (a {@code *} width is accepted and ignored, like bpftrace)
 * @param precision -1 when absent
 * @param length    length modifier letters from {@code hlLjzt}, "" when absent
 * @param specifier {@code d i u o x X c s p} (supported), {@code r rx rh} (buffers), or an
 *                  unsupported C one such as {@code f} that {@link PrintfFormat#check} rejects
 */
public record Conversion(String text, boolean leftAlign, boolean plusSign, boolean spaceSign,
                         boolean alternate, boolean zeroPad, int width, int precision,
                         String length, String specifier) {

    /** The kind of argument a conversion accepts. */
    public enum Accepts { INTEGER, BUFFER, ANY, UNSUPPORTED }

    public Accepts accepts() {
        return switch (specifier) {
            case "d", "i", "u", "o", "x", "X", "c", "p" -> Accepts.INTEGER;
            case "r", "rx", "rh" -> Accepts.BUFFER;
            case "s" -> Accepts.ANY;
            default -> Accepts.UNSUPPORTED;
        };
    }
}
