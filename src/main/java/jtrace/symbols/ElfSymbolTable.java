package jtrace.symbols;

import jtrace.elf.ElfFile;
import jtrace.elf.ElfFormatException;
import jtrace.elf.ElfLoadSegments;
import jtrace.elf.ElfSymbol;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The function symbols of one ELF file (.symtab and .dynsym), sorted by value, and its load segments. */
public final class ElfSymbolTable {
    private final long[] starts;
    private final long[] sizes;
    private final String[] names;
    private final ElfLoadSegments segments;
    private final List<ElfSymbol> all;

    private ElfSymbolTable(List<ElfSymbol> symbols, ElfLoadSegments segments) {
        this.all = List.copyOf(symbols);
        List<ElfSymbol> funcs = new ArrayList<>();
        for (ElfSymbol s : symbols) if (s.isDefinedFunction()) funcs.add(s);
        // Larger symbols first at equal starts, so the floor search lands on the one that spans the most.
        funcs.sort((a, b) -> a.value() != b.value() ? Long.compareUnsigned(a.value(), b.value()) : Long.compare(a.size(), b.size()));
        starts = new long[funcs.size()];
        sizes = new long[funcs.size()];
        names = new String[funcs.size()];
        for (int i = 0; i < funcs.size(); i++) {
            starts[i] = funcs.get(i).value();
            sizes[i] = funcs.get(i).size();
            names[i] = funcs.get(i).name();
        }
        this.segments = segments;
    }

    public static ElfSymbolTable read(Path path) throws IOException, ElfFormatException {
        ElfFile elf = ElfFile.read(path);
        return new ElfSymbolTable(elf.symbols(), elf.loadSegments());
    }

    public ElfLoadSegments segments() { return segments; }

    /** The function whose [value, value+size) holds {@code vaddr} (or which starts exactly there). */
    public Optional<Symbol> resolve(long vaddr, String module) {
        int lo = 0, hi = starts.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], vaddr) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        // Walk back over zero-sized or shorter neighbours that start at or below the address.
        for (int i = found; i >= 0 && i > found - 8; i--) {
            long off = vaddr - starts[i];
            if (off == 0 || Long.compareUnsigned(off, sizes[i]) < 0) return Optional.of(new Symbol(names[i], off, module));
        }
        return Optional.empty();
    }

    /** The value and size of a defined symbol (function or object) called {@code name}, as uaddr() needs. */
    public Optional<ElfSymbol> lookup(String name) {
        for (ElfSymbol s : all) {
            if (s.name().equals(name) && s.value() != 0 && (s.type() == ElfSymbol.STT_FUNC || s.type() == ElfSymbol.STT_OBJECT
                    || s.type() == ElfSymbol.STT_GNU_IFUNC)) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The virtual address in this file of a byte at {@code fileOffset}. */
    public OptionalLong vaddrOf(long fileOffset) { return segments.vaddrOf(fileOffset); }
}
