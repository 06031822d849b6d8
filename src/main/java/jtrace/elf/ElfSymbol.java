package jtrace.elf;

/** One entry of a symbol table ({@code Elf64_Sym}), with its name resolved. */
public record ElfSymbol(String name, int type, int binding, int sectionIndex, long value, long size) {
    // ELF64_ST_TYPE values
    public static final int STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_SECTION = 3, STT_FILE = 4,
            STT_GNU_IFUNC = 10;
    // ELF64_ST_BIND values
    public static final int STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2;

    /** A function uprobes can attach to: code (plain or indirect) defined in this file. */
    public boolean isDefinedFunction() {
        return (type == STT_FUNC || type == STT_GNU_IFUNC) && value != 0 && !name.isEmpty();
    }
}
