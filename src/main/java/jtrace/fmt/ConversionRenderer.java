package jtrace.fmt;

/**
 * Formats one argument for one conversion with C printf semantics, on bpftrace's value model:
 * integers are 64-bit unless a length modifier narrows them ({@code hh} to char, {@code h} to short),
 * so {@code %x} of -1 is {@code ffffffffffffffff} and {@code %u} of -1 is {@code 18446744073709551615}.
 */
final class ConversionRenderer {
    private ConversionRenderer() {}

    static String render(Conversion c, FormatArg arg) {
        return switch (c.specifier()) {
            case "d", "i" -> integer(c, arg, true, 10);
            case "u" -> integer(c, arg, false, 10);
            case "o" -> integer(c, arg, false, 8);
            case "x", "X" -> integer(c, arg, false, 16);
            case "c" -> character(c, arg);
            case "p" -> pointer(c, arg);
            case "s" -> pad(c, truncate(c, text(arg)));
            case "r", "rx", "rh" -> pad(c, buffer(c.specifier(), arg));
            default -> throw new PrintfFormatException("unsupported format specifier: " + c.specifier());
        };
    }

    /** How %s shows any argument. */
    static String text(FormatArg arg) {
        return switch (arg) {
            case FormatArg.Int i -> i.signed() ? Long.toString(i.value()) : Long.toUnsignedString(i.value());
            case FormatArg.Str s -> s.value();
            case FormatArg.Sym s -> s.text();
            case FormatArg.Bool b -> b.value() ? "true" : "false";
            case FormatArg.Bytes b -> BufferText.format(b.value(), true, true);
        };
    }

    private static String buffer(String specifier, FormatArg arg) {
        if (!(arg instanceof FormatArg.Bytes b)) return text(arg);
        return switch (specifier) {
            case "r" -> BufferText.format(b.value(), true, true);
            case "rx" -> BufferText.format(b.value(), false, true);
            default -> BufferText.format(b.value(), false, false);
        };
    }

    /** The argument as a 64-bit integer, or null when it is not one. */
    private static Long bits(FormatArg arg) {
        return switch (arg) {
            case FormatArg.Int i -> i.value();
            case FormatArg.Sym s -> s.value();
            case FormatArg.Bool b -> b.value() ? 1L : 0L;
            default -> null;
        };
    }

    private static String invalid(FormatArg arg) {
        return "!{invalid integer conversion: " + text(arg) + "}";
    }

    private static String integer(Conversion c, FormatArg arg, boolean signed, int radix) {
        Long raw = bits(arg);
        if (raw == null) return invalid(arg);
        long v = narrow(raw, c.length(), signed);
        boolean negative = signed && v < 0;
        String digits;
        if (signed) {
            digits = negative ? Long.toUnsignedString(-v) : Long.toString(v);
        } else {
            digits = Long.toUnsignedString(v, radix);
            if (c.specifier().equals("X")) digits = digits.toUpperCase();
        }
        if (c.precision() >= 0) {
            if (c.precision() == 0 && v == 0) digits = "";
            digits = "0".repeat(Math.max(0, c.precision() - digits.length())) + digits;
        }
        String prefix = "";
        if (negative) prefix = "-";
        else if (signed && c.plusSign()) prefix = "+";
        else if (signed && c.spaceSign()) prefix = " ";
        if (c.alternate()) {
            if (radix == 8 && !digits.startsWith("0")) digits = "0" + digits;
            else if (radix == 16 && v != 0) prefix = c.specifier().equals("X") ? "0X" : "0x";
        }
        return padNumber(c, prefix, digits);
    }

    private static long narrow(long v, String length, boolean signed) {
        return switch (length) {
            case "hh" -> signed ? (byte) v : v & 0xFFL;
            case "h" -> signed ? (short) v : v & 0xFFFFL;
            default -> v;
        };
    }

    private static String character(Conversion c, FormatArg arg) {
        Long raw = bits(arg);
        if (raw == null) return invalid(arg);
        return pad(c, String.valueOf((char) (raw & 0xFF)));
    }

    /** Like bpftrace: hex with 0x, and a bare 0 for a null pointer. */
    private static String pointer(Conversion c, FormatArg arg) {
        Long raw = bits(arg);
        if (raw == null) return invalid(arg);
        return pad(c, raw == 0 ? "0" : "0x" + Long.toHexString(raw));
    }

    private static String truncate(Conversion c, String s) {
        return c.precision() >= 0 && c.precision() < s.length() ? s.substring(0, c.precision()) : s;
    }

    private static String padNumber(Conversion c, String prefix, String digits) {
        int fill = c.width() - prefix.length() - digits.length();
        if (fill <= 0) return prefix + digits;
        if (c.leftAlign()) return prefix + digits + " ".repeat(fill);
        // C ignores the 0 flag when a precision is given.
        if (c.zeroPad() && c.precision() < 0) return prefix + "0".repeat(fill) + digits;
        return " ".repeat(fill) + prefix + digits;
    }

    private static String pad(Conversion c, String s) {
        int fill = c.width() - s.length();
        if (fill <= 0) return s;
        return c.leftAlign() ? s + " ".repeat(fill) : " ".repeat(fill) + s;
    }
}
