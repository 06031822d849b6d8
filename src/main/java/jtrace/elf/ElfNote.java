package jtrace.elf;

/** One ELF note: its owner name (without the NUL), type and descriptor bytes. */
public record ElfNote(String name, int type, byte[] desc) {}
