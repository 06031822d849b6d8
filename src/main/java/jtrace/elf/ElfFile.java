package jtrace.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A 64-bit little-endian ELF file read through its section headers: enough to list the function
 * symbols of .symtab and .dynsym for uprobes. Program headers, relocations and DWARF are not read.
 */
public final class ElfFile {
    static final int EI_CLASS = 4, EI_DATA = 5, ELFCLASS64 = 2, ELFDATA2LSB = 1;
    static final int EHDR_SIZE = 64, SHDR_SIZE = 64, SYM_SIZE = 24;
    static final int SHN_UNDEF = 0, SHN_XINDEX = 0xffff;

    private final ByteBuffer data;
    private final List<ElfSection> sections;

    private ElfFile(ByteBuffer data) throws ElfFormatException {
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
        this.sections = readSections();
    }

    /** Maps and parses the file at {@code path}. */
    public static ElfFile read(Path path) throws IOException, ElfFormatException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return new ElfFile(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()));
        }
    }

    public static ElfFile parse(byte[] bytes) throws ElfFormatException {
        return new ElfFile(ByteBuffer.wrap(bytes));
    }

    public List<ElfSection> sections() {
        return sections;
    }

    public boolean hasSection(String name) {
        return sections.stream().anyMatch(s -> s.name().equals(name));
    }

    /** Every entry of every SHT_SYMTAB and SHT_DYNSYM section, in file order (entry 0 skipped). */
    public List<ElfSymbol> symbols() throws ElfFormatException {
        List<ElfSymbol> out = new ArrayList<>();
        for (ElfSection s : sections) {
            if (s.type() != ElfSection.SHT_SYMTAB && s.type() != ElfSection.SHT_DYNSYM) continue;
            if (s.link() <= 0 || s.link() >= sections.size()) throw new ElfFormatException("symbol table " + s.name() + " has no string table");
            ElfSection strtab = sections.get(s.link());
            long entsize = s.entrySize() == 0 ? SYM_SIZE : s.entrySize();
            if (entsize < SYM_SIZE) throw new ElfFormatException("bad symbol entry size " + entsize);
            check(s.offset(), s.size());
            for (long off = s.offset() + entsize; off + SYM_SIZE <= s.offset() + s.size(); off += entsize) {
                int p = (int) off;
                int info = data.get(p + 4) & 0xff;
                out.add(new ElfSymbol(string(strtab, data.getInt(p)), info & 0xf, info >>> 4,
                        data.getShort(p + 6) & 0xffff, data.getLong(p + 8), data.getLong(p + 16)));
            }
        }
        return out;
    }

    /** The names of defined functions, deduplicated and sorted as bpftrace lists them (byte order). */
    public SortedSet<String> functionNames() throws ElfFormatException {
        SortedSet<String> names = new TreeSet<>();
        for (ElfSymbol sym : symbols()) if (sym.isDefinedFunction()) names.add(sym.name());
        return names;
    }

    private List<ElfSection> readSections() throws ElfFormatException {
        if (data.capacity() < EHDR_SIZE || data.get(0) != 0x7f || data.get(1) != 'E' || data.get(2) != 'L'
                || data.get(3) != 'F') throw new ElfFormatException("not an ELF file");
        if (data.get(EI_CLASS) != ELFCLASS64 || data.get(EI_DATA) != ELFDATA2LSB) {
            throw new ElfFormatException("not a 64-bit little-endian ELF file");
        }
        long shoff = data.getLong(0x28);
        int shentsize = data.getShort(0x3a) & 0xffff;
        int shnum = data.getShort(0x3c) & 0xffff;
        int shstrndx = data.getShort(0x3e) & 0xffff;
        if (shoff == 0) return List.of();
        if (shentsize < SHDR_SIZE) throw new ElfFormatException("bad section header size " + shentsize);
        check(shoff, SHDR_SIZE);
        // With 0xff00 or more sections the real count and string table index live in section 0.
        if (shnum == 0) shnum = (int) data.getLong((int) shoff + 32);
        if (shstrndx == SHN_XINDEX) shstrndx = data.getInt((int) shoff + 40);
        check(shoff, (long) shnum * shentsize);
        List<long[]> raw = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int p = (int) (shoff + (long) i * shentsize);
            raw.add(new long[] {data.getInt(p) & 0xffffffffL, data.getInt(p + 4) & 0xffffffffL, data.getLong(p + 24),
                    data.getLong(p + 32), data.getInt(p + 40) & 0xffffffffL, data.getLong(p + 56)});
        }
        List<ElfSection> out = new ArrayList<>();
        ElfSection names = null;
        if (shstrndx < shnum) {
            long[] r = raw.get(shstrndx);
            names = new ElfSection("", (int) r[1], r[2], r[3], (int) r[4], r[5]);
        }
        for (long[] r : raw) {
            String name = names == null ? "" : string(names, (int) r[0]);
            out.add(new ElfSection(name, (int) r[1], r[2], (int) r[1] == ElfSection.SHT_NOBITS ? 0 : r[3], (int) r[4], r[5]));
        }
        return Collections.unmodifiableList(out);
    }

    /** The NUL-terminated string at {@code index} of a string table section. */
    private String string(ElfSection strtab, int index) throws ElfFormatException {
        long idx = index & 0xffffffffL;
        if (idx >= strtab.size()) throw new ElfFormatException("string index " + idx + " outside " + strtab.name());
        check(strtab.offset(), strtab.size());
        int start = (int) (strtab.offset() + idx);
        int end = start;
        int limit = (int) (strtab.offset() + strtab.size());
        while (end < limit && data.get(end) != 0) end++;
        byte[] b = new byte[end - start];
        data.get(start, b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private void check(long offset, long length) throws ElfFormatException {
        if (offset < 0 || length < 0 || offset + length > data.capacity()) {
            throw new ElfFormatException("header points outside the file (offset " + offset + ", length " + length + ")");
        }
    }
}
