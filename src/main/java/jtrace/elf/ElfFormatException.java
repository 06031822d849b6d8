package jtrace.elf;

/** The file is not an ELF file jtrace can read, or its headers point outside it. */
public final class ElfFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ElfFormatException(String message) {
        super(message);
    }
}
