package jtrace.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The PT_LOAD program headers of a 64-bit little-endian ELF file: how file offsets map to
 * virtual addresses, which is what turns an address in a process's mapping into a symbol value.
 */
public record ElfLoadSegments(List<Segment> segments) {
    static final int PT_LOAD = 1;
    static final int PHDR_SIZE = 56;

    public ElfLoadSegments { segments = List.copyOf(segments); }

    /** One loadable segment ({@code Elf64_Phdr} with p_type PT_LOAD). */
    public record Segment(long offset, long vaddr, long fileSize, long memSize) {}

    public static ElfLoadSegments read(Path path) throws IOException, ElfFormatException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return parse(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()));
        }
    }

    public static ElfLoadSegments parse(ByteBuffer data) throws ElfFormatException {
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (b.capacity() < ElfFile.EHDR_SIZE || b.get(0) != 0x7f || b.get(1) != 'E' || b.get(2) != 'L' || b.get(3) != 'F') {
            throw new ElfFormatException("not an ELF file");
        }
        if (b.get(ElfFile.EI_CLASS) != ElfFile.ELFCLASS64 || b.get(ElfFile.EI_DATA) != ElfFile.ELFDATA2LSB) {
            throw new ElfFormatException("not a 64-bit little-endian ELF file");
        }
        long phoff = b.getLong(0x20);
        int phentsize = b.getShort(0x36) & 0xffff;
        int phnum = b.getShort(0x38) & 0xffff;
        if (phoff == 0 || phnum == 0) return new ElfLoadSegments(List.of());
        if (phentsize < PHDR_SIZE || phoff < 0 || phoff + (long) phnum * phentsize > b.capacity()) {
            throw new ElfFormatException("program headers point outside the file");
        }
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int p = (int) (phoff + (long) i * phentsize);
            if (b.getInt(p) != PT_LOAD) continue;
            out.add(new Segment(b.getLong(p + 8), b.getLong(p + 16), b.getLong(p + 32), b.getLong(p + 40)));
        }
        return new ElfLoadSegments(out);
    }

    /** The virtual address the byte at {@code fileOffset} is loaded at, if a PT_LOAD segment holds it. */
    public OptionalLong vaddrOf(long fileOffset) {
        for (Segment s : segments) {
            if (fileOffset >= s.offset() && fileOffset - s.offset() < Math.max(s.fileSize(), 1)) {
                return OptionalLong.of(fileOffset - s.offset() + s.vaddr());
            }
        }
        return OptionalLong.empty();
    }

    /** The file offset of virtual address {@code vaddr}, if it lies in a segment's file bytes. */
    public OptionalLong offsetOf(long vaddr) {
        for (Segment s : segments) {
            if (vaddr >= s.vaddr() && vaddr - s.vaddr() < s.fileSize()) return OptionalLong.of(vaddr - s.vaddr() + s.offset());
        }
        return OptionalLong.empty();
    }
}
