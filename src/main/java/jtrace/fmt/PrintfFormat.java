package jtrace.fmt;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed printf/cat/system format string: literal pieces interleaved with conversions
 * ({@code literals().size() == conversions().size() + 1}). {@code %%} is a literal percent sign.
 * Text after a {@code %} that does not form a conversion stays literal, as in bpftrace.
 */
public final class PrintfFormat {
    private static final String FLAGS = "-+ #0";
    private static final String LENGTHS = "hlLjzt";
    private static final String SPECIFIERS = "diouxXeEfFgGaAcspn";

    private final String source;
    private final List<String> literals;
    private final List<Conversion> conversions;

    private PrintfFormat(String source, List<String> literals, List<Conversion> conversions) {
        this.source = source;
        this.literals = List.copyOf(literals);
        this.conversions = List.copyOf(conversions);
    }

    public static PrintfFormat parse(String fmt) {
        List<String> literals = new ArrayList<>();
        List<Conversion> conversions = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
                continue;
            }
            int end = specEnd(fmt, i);
            if (end < 0) {
                literal.append(c);
                i++;
                continue;
            }
            Conversion conv = conversion(fmt.substring(i, end));
            if (conv.specifier().equals("%")) {
                literal.append('%');
            } else {
                literals.add(literal.toString());
                literal.setLength(0);
                conversions.add(conv);
            }
            i = end;
        }
        literals.add(literal.toString());
        return new PrintfFormat(fmt, literals, conversions);
    }

    /** Index just past the conversion starting at {@code start}, or -1 when none starts there. */
    private static int specEnd(String s, int start) {
        int i = start + 1;
        while (i < s.length() && FLAGS.indexOf(s.charAt(i)) >= 0) i++;
        if (i < s.length() && s.charAt(i) == '*') {
            i++;
        } else {
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            int j = i + 1;
            if (j < s.length() && s.charAt(j) == '*') {
                i = j + 1;
            } else if (j < s.length() && Character.isDigit(s.charAt(j))) {
                while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                i = j;
            } // a bare '.' is not part of a conversion
        }
        while (i < s.length() && LENGTHS.indexOf(s.charAt(i)) >= 0) i++;
        if (i >= s.length()) return -1;
        char conv = s.charAt(i);
        if (conv == 'r') {
            if (i + 1 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'h')) return i + 2;
            return i + 1;
        }
        if (conv == '%' || SPECIFIERS.indexOf(conv) >= 0) return i + 1;
        return -1;
    }

    private static Conversion conversion(String text) {
        int i = 1;
        boolean left = false, plus = false, space = false, alt = false, zero = false;
        for (; FLAGS.indexOf(text.charAt(i)) >= 0; i++) {
            switch (text.charAt(i)) {
                case '-' -> left = true;
                case '+' -> plus = true;
                case ' ' -> space = true;
                case '#' -> alt = true;
                default -> zero = true;
            }
        }
        int width = 0;
        if (text.charAt(i) == '*') {
            i++;
        } else {
            int from = i;
            while (Character.isDigit(text.charAt(i))) i++;
            if (i > from) width = parseBounded(text.substring(from, i));
        }
        int precision = -1;
        if (text.charAt(i) == '.') {
            i++;
            if (text.charAt(i) == '*') {
                i++;
            } else {
                int from = i;
                while (Character.isDigit(text.charAt(i))) i++;
                precision = parseBounded(text.substring(from, i));
            }
        }
        int from = i;
        while (LENGTHS.indexOf(text.charAt(i)) >= 0) i++;
        String length = text.substring(from, i);
        String specifier = text.substring(i);
        return new Conversion(text, left, plus, space, alt, zero, width, precision, length, specifier);
    }

    private static int parseBounded(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new PrintfFormatException("format width or precision too large: " + digits);
        }
    }

    public String source() { return source; }

    public List<Conversion> conversions() { return conversions; }

    /** The literal text around the conversions, one more than there are conversions. */
    public List<String> literals() { return literals; }

    /** Checks the number of arguments, with bpftrace's messages. */
    public void checkArgCount(int supplied) {
        int expected = conversions.size();
        if (supplied < expected) {
            throw new PrintfFormatException("not enough arguments for format string ("
                    + supplied + " supplied, " + expected + " expected)");
        }
        if (supplied > expected) {
            throw new PrintfFormatException("too many arguments for format string ("
                    + supplied + " supplied, " + expected + " expected)");
        }
    }

    /** Checks argument count, then each conversion against its argument's type, in bpftrace's order. */
    public void check(List<ArgType> args) {
        checkArgCount(args.size());
        for (int i = 0; i < conversions.size(); i++) {
            Conversion conv = conversions.get(i);
            ArgType arg = args.get(i);
            boolean ok = switch (conv.accepts()) {
                case UNSUPPORTED -> throw new PrintfFormatException(
                        "unsupported format specifier: " + conv.specifier());
                case ANY -> true;
                case INTEGER -> arg.kind() == ArgType.Kind.INTEGER || arg.kind() == ArgType.Kind.BOOLEAN
                        || arg.kind() == ArgType.Kind.POINTER;
                case BUFFER -> arg.kind() == ArgType.Kind.BUFFER;
            };
            if (!ok) {
                throw new PrintfFormatException("unsupported format specifier for type '"
                        + arg.name() + "': " + conv.specifier());
            }
        }
    }

    /** Renders with arguments given as {@link FormatArg}s or plain Java values (see {@link FormatArg#of}). */
    public String render(List<?> args) {
        checkArgCount(args.size());
        StringBuilder out = new StringBuilder(literals.getFirst());
        for (int i = 0; i < conversions.size(); i++) {
            out.append(ConversionRenderer.render(conversions.get(i), FormatArg.of(args.get(i))));
            out.append(literals.get(i + 1));
        }
        return out.toString();
    }

    @Override public String toString() { return source; }
}
