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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A 64-bit little-endian ELF file read through its section and program headers: the function
 * symbols of .symtab and .dynsym, the PT_LOAD segments that turn addresses into file offsets
 * (what uprobes attach to), notes (USDT), and section contents (inflated when compressed) for
 * jtrace.dwarf. Relocations are not read.
 */
public final class ElfFile {
    static final int EI_CLASS = 4, EI_DATA = 5, ELFCLASS64 = 2, ELFDATA2LSB = 1;
    static final int EHDR_SIZE = 64, SHDR_SIZE = 64, SYM_SIZE = 24;
    static final int SHN_UNDEF = 0, SHN_XINDEX = 0xffff;

    static final int PHDR_SIZE = 56;
    /** e_machine of x86-64 code. */
    public static final int EM_X86_64 = 62;

    private final ByteBuffer data;
    private final List<ElfSection> sections;
    private final List<ElfSegment> segments;
    private final ElfLoadSegments loadSegments;

    private ElfFile(ByteBuffer data) throws ElfFormatException {
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
        this.sections = readSections();
        this.segments = readSegments();
        this.loadSegments = new ElfLoadSegments(segments);
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

    public List<ElfSegment> segments() {
        return segments;
    }

    /** The PT_LOAD segments: file offsets ↔ virtual addresses. */
    public ElfLoadSegments loadSegments() {
        return loadSegments;
    }

    /** The first section called {@code name}. */
    public Optional<ElfSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The file offset at which the byte of virtual address {@code vaddr} lies, through the PT_LOAD
     * segment that maps it; empty when no segment maps it from the file (e.g. .bss).
     */
    public OptionalLong fileOffset(long vaddr) {
        return loadSegments.offsetOf(vaddr);
    }

    /** The notes of a SHT_NOTE section, in file order; none when there is no such section. */
    public List<ElfNote> notes(String sectionName) throws ElfFormatException {
        Optional<ElfSection> found = section(sectionName);
        if (found.isEmpty() || found.get().type() != ElfSection.SHT_NOTE) return List.of();
        ElfSection s = found.get();
        check(s.offset(), s.size());
        List<ElfNote> out = new ArrayList<>();
        long p = s.offset(), end = s.offset() + s.size();
        while (p + 12 <= end) {
            long namesz = data.getInt((int) p) & 0xffffffffL;
            long descsz = data.getInt((int) p + 4) & 0xffffffffL;
            int type = data.getInt((int) p + 8);
            long nameAt = p + 12;
            long descAt = nameAt + align4(namesz);
            if (descAt + descsz > end) throw new ElfFormatException("note outside section " + sectionName);
            byte[] name = new byte[(int) Math.max(0, namesz - 1)]; // without its NUL
            data.get((int) nameAt, name);
            byte[] desc = new byte[(int) descsz];
            data.get((int) descAt, desc);
            out.add(new ElfNote(new String(name, StandardCharsets.ISO_8859_1), type, desc));
            p = descAt + align4(descsz);
        }
        return out;
    }

    private static long align4(long n) {
        return (n + 3) & ~3L;
    }

    /** e_machine: the architecture the code is for. */
    public int machine() {
        return data.getShort(0x12) & 0xffff;
    }

    /** {@code length} bytes of the file from {@code fileOffset} (e.g. a function's code, found through its segment). */
    public byte[] bytes(long fileOffset, int length) throws ElfFormatException {
        check(fileOffset, length);
        byte[] out = new byte[length];
        data.get((int) fileOffset, out);
        return out;
    }

    /** sh_flags bit of a section whose contents start with an {@code Elf64_Chdr} (gcc -gz). */
    static final long SHF_COMPRESSED = 0x800;
    static final int ELFCOMPRESS_ZLIB = 1, CHDR_SIZE = 24;

    /**
     * The contents of the first section called {@code name}, inflated when it is SHF_COMPRESSED
     * (zlib; other algorithms are refused); empty when there is no such section.
     */
    public Optional<ByteBuffer> contents(String name) throws ElfFormatException {
        int index = -1;
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).name().equals(name)) {
                index = i;
                break;
            }
        }
        if (index < 0) return Optional.empty();
        ElfSection s = sections.get(index);
        check(s.offset(), s.size());
        ByteBuffer raw = data.slice((int) s.offset(), (int) s.size()).order(ByteOrder.LITTLE_ENDIAN);
        long flags = data.getLong((int) (data.getLong(0x28) + (long) index * (data.getShort(0x3a) & 0xffff) + 8));
        if ((flags & SHF_COMPRESSED) == 0) return Optional.of(raw);
        if (s.size() < CHDR_SIZE) throw new ElfFormatException("compressed section " + name + " too short");
        int type = raw.getInt(0);
        long size = raw.getLong(8);
        if (type != ELFCOMPRESS_ZLIB) throw new ElfFormatException("section " + name + " is compressed with an unsupported algorithm (" + type + ")");
        if (size < 0 || size > Integer.MAX_VALUE) throw new ElfFormatException("compressed section " + name + " too large");
        byte[] in = new byte[(int) s.size() - CHDR_SIZE];
        raw.get(CHDR_SIZE, in);
        byte[] out = new byte[(int) size];
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(in);
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                n += got;
            }
            if (n != out.length) throw new ElfFormatException("compressed section " + name + " inflates to " + n + " bytes, not " + size);
        } catch (java.util.zip.DataFormatException e) {
            throw new ElfFormatException("compressed section " + name + ": " + e.getMessage());
        } finally {
            inflater.end();
        }
        return Optional.of(ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN));
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

    /**
     * Defined function symbols, one per name (the first in file order, so .symtab wins over
     * .dynsym when both are present), in file order.
     */
    public List<ElfSymbol> functions() throws ElfFormatException {
        java.util.LinkedHashMap<String, ElfSymbol> byName = new java.util.LinkedHashMap<>();
        for (ElfSymbol sym : symbols()) if (sym.isDefinedFunction()) byName.putIfAbsent(sym.name(), sym);
        return List.copyOf(byName.values());
    }

    /** Any defined symbol (function or object) called {@code name}: USDT arguments name globals. */
    public Optional<ElfSymbol> symbol(String name) throws ElfFormatException {
        for (ElfSymbol sym : symbols()) {
            if (sym.name().equals(name) && sym.sectionIndex() != SHN_UNDEF && !sym.name().isEmpty()) return Optional.of(sym);
        }
        return Optional.empty();
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
                    data.getLong(p + 32), data.getInt(p + 40) & 0xffffffffL, data.getLong(p + 56), data.getLong(p + 16)});
        }
        List<ElfSection> out = new ArrayList<>();
        ElfSection names = null;
        if (shstrndx < shnum) {
            long[] r = raw.get(shstrndx);
            names = new ElfSection("", (int) r[1], r[2], r[3], (int) r[4], r[5], r[6]);
        }
        for (long[] r : raw) {
            String name = names == null ? "" : string(names, (int) r[0]);
            out.add(new ElfSection(name, (int) r[1], r[2], (int) r[1] == ElfSection.SHT_NOBITS ? 0 : r[3], (int) r[4], r[5], r[6]));
        }
        return Collections.unmodifiableList(out);
    }

    private List<ElfSegment> readSegments() throws ElfFormatException {
        long phoff = data.getLong(0x20);
        int phentsize = data.getShort(0x36) & 0xffff;
        int phnum = data.getShort(0x38) & 0xffff;
        if (phoff == 0 || phnum == 0) return List.of();
        if (phentsize < PHDR_SIZE) throw new ElfFormatException("bad program header size " + phentsize);
        check(phoff, (long) phnum * phentsize);
        List<ElfSegment> out = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int p = (int) (phoff + (long) i * phentsize);
            out.add(new ElfSegment(data.getInt(p), data.getInt(p + 4), data.getLong(p + 8), data.getLong(p + 16),
                    data.getLong(p + 32), data.getLong(p + 40)));
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
