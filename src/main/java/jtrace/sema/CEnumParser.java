package jtrace.sema;

import jtrace.types.Type;

import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enum definitions written in a script, {@code enum NAME { A = 1, B, C = 0x10 }} or anonymous
 * {@code enum { A, B }}: each enumerator is the value given, else one more than the previous
 * (the first 0). The type is 4 bytes, as C's int, unless a value needs 8.
 */
final class CEnumParser {
    private CEnumParser() {}

    /** A definition jtrace cannot read; reported when one of its names is used. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) { super(message); }
    }

    /** A parsed definition: the type ({@code (anonymous)} when unnamed) and its enumerators in order. */
    record Definition(Type.Enum type, boolean named, LinkedHashMap<String, Long> values) {}

    private static final Pattern HEAD = Pattern.compile("^\\s*enum\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*\\{(?s)(.*)}\\s*;?\\s*$");
    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=\\s*(-?\\s*(?:0[xX][0-9a-fA-F]+|[0-9]+))[uUlL]*)?$");

    /** Whether the text is an enum definition (rather than a struct, union or preprocessor line). */
    static boolean isEnum(String text) {
        return text.stripLeading().startsWith("enum") && HEAD.matcher(strip(text)).matches();
    }

    static Definition parse(String text) throws Unsupported {
        Matcher m = HEAD.matcher(strip(text));
        if (!m.matches()) throw new Unsupported("cannot read enum definition '" + text.strip() + "'");
        LinkedHashMap<String, Long> values = new LinkedHashMap<>();
        long next = 0;
        boolean wide = false;
        for (String part : m.group(2).split(",")) {
            String entry = part.strip();
            if (entry.isEmpty()) continue;
            Matcher e = ENTRY.matcher(entry);
            if (!e.matches()) throw new Unsupported("cannot read enumerator '" + entry + "'");
            long v = e.group(2) == null ? next : number(e.group(2).replace(" ", ""));
            if (values.putIfAbsent(e.group(1), v) != null) throw new Unsupported("redefinition of enumerator '" + e.group(1) + "'");
            if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) wide = true;
            next = v + 1;
        }
        String name = m.group(1);
        return new Definition(Type.Enum.of(name == null ? "(anonymous)" : name, wide ? 8 : 4, values), name != null, values);
    }

    private static long number(String s) throws Unsupported {
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        try {
            long v = digits.startsWith("0x") || digits.startsWith("0X") ? Long.parseUnsignedLong(digits.substring(2), 16)
                    : Long.parseLong(digits);
            return negative ? -v : v;
        } catch (NumberFormatException ex) {
            throw new Unsupported("enumerator value out of range: " + s);
        }
    }

    private static String strip(String text) {
        return text.replaceAll("/\\*(?s:.*?)\\*/", " ").replaceAll("//[^\\n]*", " ");
    }
}
