package jtrace.dwarf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A cursor over one little-endian DWARF section: fixed-size integers, LEB128, C strings. */
final class SectionReader {
    private final ByteBuffer data;
    private final String section;
    private int pos;

    SectionReader(ByteBuffer data, String section) {
        this.data = data;
        this.section = section;
    }

    int position() { return pos; }

    void seek(long p) throws DwarfFormatException {
        if (p < 0 || p > data.limit()) throw new DwarfFormatException("offset " + p + " outside " + section);
        pos = (int) p;
    }

    boolean atEnd() { return pos >= data.limit(); }

    int limit() { return data.limit(); }

    private void need(int n) throws DwarfFormatException {
        if (pos + n > data.limit()) throw new DwarfFormatException(section + " ends in the middle of an entry (offset " + pos + ")");
    }

    int u8() throws DwarfFormatException {
        need(1);
        return data.get(pos++) & 0xff;
    }

    int u16() throws DwarfFormatException {
        need(2);
        int v = data.getShort(pos) & 0xffff;
        pos += 2;
        return v;
    }

    int u24() throws DwarfFormatException {
        return u16() | (u8() << 16);
    }

    long u32() throws DwarfFormatException {
        need(4);
        long v = data.getInt(pos) & 0xffffffffL;
        pos += 4;
        return v;
    }

    long u64() throws DwarfFormatException {
        need(8);
        long v = data.getLong(pos);
        pos += 8;
        return v;
    }

    /** A section offset: 4 bytes in 32-bit DWARF, 8 in 64-bit DWARF. */
    long offset(int size) throws DwarfFormatException {
        return size == 8 ? u64() : u32();
    }

    long uleb() throws DwarfFormatException {
        long v = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift < 64) v |= (long) (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0) return v;
        }
    }

    long sleb() throws DwarfFormatException {
        long v = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) v |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) v |= -1L << shift;
        return v;
    }

    String cstring() throws DwarfFormatException {
        int end = pos;
        while (end < data.limit() && data.get(end) != 0) end++;
        if (end >= data.limit()) throw new DwarfFormatException("unterminated string in " + section + " at " + pos);
        byte[] b = new byte[end - pos];
        data.get(pos, b);
        pos = end + 1;
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The NUL-terminated string at {@code offset}, leaving the cursor where it was. */
    String stringAt(long offset) throws DwarfFormatException {
        int saved = pos;
        seek(offset);
        String s = cstring();
        pos = saved;
        return s;
    }

    byte[] bytes(long n) throws DwarfFormatException {
        if (n < 0 || n > Integer.MAX_VALUE) throw new DwarfFormatException("block of " + n + " bytes in " + section);
        need((int) n);
        byte[] b = new byte[(int) n];
        data.get(pos, b);
        pos += (int) n;
        return b;
    }

    void skip(long n) throws DwarfFormatException {
        if (n < 0 || n > Integer.MAX_VALUE) throw new DwarfFormatException("skip of " + n + " bytes in " + section);
        need((int) n);
        pos += (int) n;
    }
}
