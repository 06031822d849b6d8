package jtrace.elf;

/** One section header ({@code Elf64_Shdr}), with its name resolved; {@code addr} is sh_addr. */
public record ElfSection(String name, int type, long offset, long size, int link, long entrySize, long addr) {
    // sh_type values
    public static final int SHT_NULL = 0, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_NOTE = 7, SHT_NOBITS = 8, SHT_DYNSYM = 11;
}
