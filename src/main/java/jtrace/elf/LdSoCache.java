package jtrace.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The dynamic linker's cache ({@code /etc/ld.so.cache}, written by ldconfig) in glibc's "new"
 * format ({@code glibc-ld.so.cache1.1}), possibly after an old-format ({@code ld.so-1.7.0}) part:
 * a header, then fixed-size entries whose key (soname) and value (path) are offsets into the
 * string table, counted from the start of the new-format header.
 */
public final class LdSoCache {
    public static final Path DEFAULT = Path.of("/etc/ld.so.cache");

    static final String OLD_MAGIC = "ld.so-1.7.0", NEW_MAGIC = "glibc-ld.so.cache1.1";
    static final int OLD_ENTRY = 12, NEW_HEADER = 48, NEW_ENTRY = 24;
    // flags: FLAG_TYPE_MASK and FLAG_ARCH_MASK parts; x86-64 libraries are FLAG_X8664_LIB64
    static final int FLAG_ARCH_MASK = 0xff00, FLAG_X8664_LIB64 = 0x0300;

    /** One library: its soname (e.g. {@code libc.so.6}), path and ldconfig flags. */
    public record Entry(String soname, String path, int flags) {
        public boolean isX8664() { return (flags & FLAG_ARCH_MASK) == FLAG_X8664_LIB64; }
    }

    private LdSoCache() {}

    /** The entries of the cache at {@code file}; none when it does not exist. */
    public static List<Entry> read(Path file) throws IOException, ElfFormatException {
        if (!Files.isRegularFile(file)) return List.of();
        return parse(Files.readAllBytes(file));
    }

    public static List<Entry> parse(byte[] bytes) throws ElfFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int start = 0;
        if (startsWith(bytes, 0, OLD_MAGIC)) {
            if (bytes.length < 16) throw new ElfFormatException("ld.so.cache truncated");
            int oldCount = b.getInt(12);
            start = align8(16 + oldCount * OLD_ENTRY);
        }
        if (!startsWith(bytes, start, NEW_MAGIC)) throw new ElfFormatException("not a glibc ld.so.cache (new format)");
        if (start + NEW_HEADER > bytes.length) throw new ElfFormatException("ld.so.cache truncated");
        int count = b.getInt(start + 20);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int p = start + NEW_HEADER + i * NEW_ENTRY;
            if (p + NEW_ENTRY > bytes.length) throw new ElfFormatException("ld.so.cache truncated");
            out.add(new Entry(string(bytes, start + b.getInt(p + 4)), string(bytes, start + b.getInt(p + 8)), b.getInt(p)));
        }
        return out;
    }

    private static int align8(int n) { return (n + 7) & ~7; }

    private static boolean startsWith(byte[] b, int at, String magic) {
        if (at + magic.length() > b.length) return false;
        return new String(b, at, magic.length(), StandardCharsets.ISO_8859_1).equals(magic);
    }

    private static String string(byte[] b, int at) throws ElfFormatException {
        if (at < 0 || at >= b.length) throw new ElfFormatException("ld.so.cache string outside the file");
        int end = at;
        while (end < b.length && b[end] != 0) end++;
        return new String(b, at, end - at, StandardCharsets.ISO_8859_1);
    }
}
