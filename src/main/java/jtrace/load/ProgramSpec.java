package jtrace.load;

/**
 * A program to load: {@code name} is the probe (for messages; the kernel gets a sanitised form),
 * {@code code} the encoded instructions with map fds already patched in. Tracing programs also
 * name what they attach to: {@code expectedAttachType} (enum bpf_attach_type) and the BTF id of
 * the kernel function or iterator ({@code attachBtfId}); 0 for other programs.
 */
public record ProgramSpec(String name, ProgType type, byte[] code, String license, int expectedAttachType,
                          int attachBtfId) {
    public ProgramSpec {
        if (code.length == 0 || code.length % 8 != 0) throw new IllegalArgumentException("program " + name
                + ": code must be a non-empty multiple of 8 bytes");
    }

    public ProgramSpec(String name, ProgType type, byte[] code, String license) {
        this(name, type, code, license, 0, 0);
    }
}
