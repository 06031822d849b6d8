package jtrace.sema;

import jtrace.dwarf.DebugInfo;
import jtrace.dwarf.DwarfFormatException;
import jtrace.dwarf.DwarfFunction;
import jtrace.elf.ElfFile;

/**
 * The DWARF description of a uprobe's function, for {@code args}: the binary's debug info is
 * read only when a probe body first asks for it, once per binary, so scripts that never use
 * {@code args} never pay for (or fail on) it.
 */
public final class UprobeSignature {
    /** For probes with no debug info to consult (none in the binary, or not at a function's entry). */
    public static final UprobeSignature NONE = new UprobeSignature(null, "");

    private final Source source;
    private final String function;

    private UprobeSignature(Source source, String function) {
        this.source = source;
        this.function = function;
    }

    /** One binary's debug info, read on first use and shared by the signatures of its functions. */
    static final class Source {
        private final ElfFile elf;
        private DebugInfo info;
        private DwarfFormatException error;

        Source(ElfFile elf) { this.elf = elf; }

        synchronized DebugInfo get() throws DwarfFormatException {
            if (info == null && error == null) {
                try {
                    info = DebugInfo.read(elf);
                } catch (DwarfFormatException e) {
                    error = e;
                }
            }
            if (error != null) throw error;
            return info;
        }

        UprobeSignature of(String function) { return new UprobeSignature(this, function); }
    }

    /** Whether there is debug info to ask. */
    public boolean available() { return source != null; }

    /** The function as DWARF describes it; null when there is no debug info or the function is not in it. */
    public DwarfFunction function() throws DwarfFormatException {
        if (source == null) return null;
        return source.get().function(function).orElse(null);
    }

    @Override
    public String toString() { return source == null ? "no DWARF" : "DWARF of " + function; }
}
