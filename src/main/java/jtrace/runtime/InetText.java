package jtrace.runtime;

/** inet_ntop(3)'s text for ntop(): dotted IPv4, and IPv6 with the longest zero run as "::". */
final class InetText {
    private InetText() {}

    static final int AF_INET = 2, AF_INET6 = 10;

    static String format(int af, byte[] b, int off) {
        return switch (af) {
            case AF_INET -> v4(b, off);
            case AF_INET6 -> v6(b, off);
            default -> "";
        };
    }

    static String v4(byte[] b, int off) {
        return (b[off] & 0xff) + "." + (b[off + 1] & 0xff) + "." + (b[off + 2] & 0xff) + "." + (b[off + 3] & 0xff);
    }

    static String v6(byte[] b, int off) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) w[i] = (b[off + 2 * i] & 0xff) << 8 | (b[off + 2 * i + 1] & 0xff);
        int bestBase = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && w[j] == 0) j++;
            if (j - i > bestLen) { bestBase = i; bestLen = j - i; }
            i = j;
        }
        if (bestLen < 2) bestBase = -1;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) out.append(':');
                continue;
            }
            if (i != 0) out.append(':');
            // IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) addresses end in dotted form, as glibc prints them.
            if (i == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 5 && w[5] == 0xffff)) {
                out.append(v4(b, off + 12));
                return out.toString();
            }
            out.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) out.append(':');
        return out.toString();
    }
}
