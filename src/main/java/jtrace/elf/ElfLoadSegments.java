package jtrace.elf;

import java.util.List;
import java.util.OptionalLong;

/**
 * The PT_LOAD program headers of an ELF file: how file offsets map to virtual addresses (an
 * address in a process's mapping → symbol value) and back (a symbol → the file offset a uprobe
 * attaches to).
 */
public record ElfLoadSegments(List<ElfSegment> segments) {
    /** Keeps only the PT_LOAD headers of {@code segments}. */
    public ElfLoadSegments {
        segments = segments.stream().filter(s -> s.type() == ElfSegment.PT_LOAD).toList();
    }

    /** The virtual address the byte at {@code fileOffset} is loaded at, if a PT_LOAD segment holds it. */
    public OptionalLong vaddrOf(long fileOffset) {
        for (ElfSegment s : segments) {
            if (fileOffset >= s.offset() && fileOffset - s.offset() < Math.max(s.fileSize(), 1)) {
                return OptionalLong.of(fileOffset - s.offset() + s.vaddr());
            }
        }
        return OptionalLong.empty();
    }

    /** The file offset of virtual address {@code vaddr}; empty when no segment maps it from the file (e.g. .bss). */
    public OptionalLong offsetOf(long vaddr) {
        for (ElfSegment s : segments) {
            if (Long.compareUnsigned(vaddr, s.vaddr()) >= 0 && Long.compareUnsigned(vaddr - s.vaddr(), s.fileSize()) < 0) {
                return OptionalLong.of(vaddr - s.vaddr() + s.offset());
            }
        }
        return OptionalLong.empty();
    }
}
