package jtrace.parse;

import jtrace.diag.CompileError;
import jtrace.diag.Span;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

/**
 * Reads an integer literal: decimal, {@code 0x} hex, leading-zero octal, {@code 1e6} scientific,
 * {@code _} digit separators, C suffixes (U, L, UL, LL, ULL; only U has an effect) and duration
 * suffixes ns/us/ms/s/m/h/d, which scale the value to nanoseconds.
 */
final class IntLiteralReader {
    private IntLiteralReader() {}

    record Result(long value, boolean unsigned, int end) {}

    private static final Set<String> C_SUFFIXES = Set.of(
            "u", "U", "l", "L", "ul", "UL", "uL", "Ul", "lu", "LU", "ll", "LL", "ull", "ULL", "llu", "LLU");
    private static final Map<String, Long> DURATIONS = Map.of(
            "ns", 1L, "us", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L,
            "m", 60_000_000_000L, "h", 3_600_000_000_000L, "d", 86_400_000_000_000L);
    private static final BigInteger U64_LIMIT = BigInteger.ONE.shiftLeft(64);

    /** {@code start} is the offset of the literal's first digit. */
    static Result read(String text, int start) {
        int i = start;
        boolean hex = text.startsWith("0x", i) || text.startsWith("0X", i);
        String exponent = null;
        if (hex) {
            i += 2;
            while (i < text.length() && (Character.digit(text.charAt(i), 16) >= 0 || text.charAt(i) == '_')) i++;
        } else {
            while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
            if (i + 1 < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E') && isDigit(text.charAt(i + 1))) {
                int e = i + 1;
                while (e < text.length() && isDigit(text.charAt(e))) e++;
                exponent = text.substring(i + 1, e);
                i = e;
            }
        }
        int bodyEnd = i;
        // A suffix counts only if it is the whole run of word characters after the digits;
        // otherwise the literal ends here and the rest lexes as an identifier.
        int wordEnd = i;
        while (wordEnd < text.length() && isWordChar(text.charAt(wordEnd))) wordEnd++;
        String suffix = text.substring(i, wordEnd);
        boolean unsignedSuffix = false;
        long scale = 1;
        if (C_SUFFIXES.contains(suffix)) {
            unsignedSuffix = suffix.indexOf('u') >= 0 || suffix.indexOf('U') >= 0;
            i = wordEnd;
        } else if (!hex && DURATIONS.containsKey(suffix)) {
            scale = DURATIONS.get(suffix);
            i = wordEnd;
        }
        String whole = text.substring(start, i);
        String body = text.substring(start, bodyEnd);
        if (exponent != null) body = body.substring(0, body.length() - exponent.length() - 1);
        String digits = hex ? body.substring(2) : body;
        if (digits.isEmpty() || digits.startsWith("_") || digits.endsWith("_") || digits.contains("__")) {
            throw new CompileError(new Span(start, Math.max(i, bodyEnd)), "invalid integer literal: " + text.substring(start, Math.max(i, bodyEnd)));
        }
        digits = digits.replace("_", "");
        BigInteger value;
        if (hex) {
            value = new BigInteger(digits, 16);
        } else if (digits.length() > 1 && digits.charAt(0) == '0' && exponent == null) {
            for (char c : digits.toCharArray()) {
                if (c > '7') throw new CompileError(new Span(start, i), "invalid octal literal: " + whole);
            }
            value = new BigInteger(digits, 8);
        } else {
            value = new BigInteger(digits);
        }
        if (exponent != null) {
            if (exponent.length() > 3) throw new CompileError(new Span(start, i), "integer literal out of range: " + whole);
            value = value.multiply(BigInteger.TEN.pow(Integer.parseInt(exponent)));
        }
        value = value.multiply(BigInteger.valueOf(scale));
        if (value.compareTo(U64_LIMIT) >= 0) {
            throw new CompileError(new Span(start, i), "integer literal out of range: " + whole);
        }
        boolean unsigned = unsignedSuffix || value.bitLength() == 64;
        return new Result(value.longValue(), unsigned, i);
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    static boolean isWordChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }
}
