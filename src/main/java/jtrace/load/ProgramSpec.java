package jtrace.load;

/**
 * A program to load: {@code name} is the probe (for messages; the kernel gets a sanitised form),
 * {@code code} the encoded instructions with map fds already patched in.
 */
public record ProgramSpec(String name, ProgType type, byte[] code, String license) {
    public ProgramSpec {
        if (code.length == 0 || code.length % 8 != 0) throw new IllegalArgumentException("program " + name
                + ": code must be a non-empty multiple of 8 bytes");
    }
}
