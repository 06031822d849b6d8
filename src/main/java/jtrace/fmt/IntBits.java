package jtrace.fmt;

/** Widening of 1/2/4/8-byte integers to 64 bits. */
public final class IntBits {
    private IntBits() {}

    public static long extend(long bits, int bytes, boolean signed) {
        return switch (bytes) {
            case 1 -> signed ? (byte) bits : bits & 0xFFL;
            case 2 -> signed ? (short) bits : bits & 0xFFFFL;
            case 4 -> signed ? (int) bits : bits & 0xFFFF_FFFFL;
            case 8 -> bits;
            default -> throw new IllegalArgumentException("integer width must be 1, 2, 4 or 8 bytes: " + bytes);
        };
    }
}
