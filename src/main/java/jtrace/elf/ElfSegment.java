package jtrace.elf;

/** One program header ({@code Elf64_Phdr}): how a part of the file is mapped into memory. */
public record ElfSegment(int type, int flags, long offset, long vaddr, long fileSize, long memSize) {
    // p_type values
    public static final int PT_NULL = 0, PT_LOAD = 1, PT_DYNAMIC = 2, PT_NOTE = 4;
    // p_flags bits
    public static final int PF_X = 1, PF_W = 2, PF_R = 4;
}
