package jtrace.fmt;

/** bpftrace's text for buffer bytes: printable ASCII kept or not, others as {@code \xNN} or spaced hex. */
public final class BufferText {
    private BufferText() {}

    public static String format(byte[] bytes, boolean keepAscii, boolean escapeHex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i];
            if (keepAscii && b >= 32 && b <= 126) {
                out.append((char) b);
            } else if (escapeHex) {
                out.append(String.format("\\x%02x", b & 0xFF));
            } else {
                out.append(String.format("%02x", b & 0xFF));
                if (i != bytes.length - 1) out.append(' ');
            }
        }
        return out.toString();
    }
}
