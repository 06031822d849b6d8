package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.diag.CompileError;
import jtrace.elf.BinaryLocator;
import jtrace.elf.ElfFile;
import jtrace.elf.ElfFormatException;
import jtrace.elf.ElfSymbol;
import jtrace.elf.UsdtNotes;
import jtrace.elf.UsdtProbe;
import jtrace.tracefs.Glob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Expands {@code uprobe:}/{@code uretprobe:} and {@code usdt:} attach points against the ELF file
 * they name: the binary through {@link BinaryLocator}, a function (or glob of functions, an
 * address, or FUNC+OFF) through the symbol tables, a USDT probe through the stapsdt notes; every
 * address becomes a file offset through the PT_LOAD segments.
 */
final class UserProbeResolver {
    private final BinaryLocator locator;
    private final OptionalLong pid;
    private final Map<Path, ElfFile> files = new HashMap<>();
    private final boolean unsafe;
    private final List<String> warnings = new ArrayList<>();
    private final MissingProbes missing;
    private final Map<Path, UprobeSignature.Source> dwarf = new HashMap<>();

    UserProbeResolver(BinaryLocator locator, OptionalLong pid) {
        this(locator, pid, false);
    }

    /** {@code unsafe}: --unsafe, under which a probe off an instruction boundary is a warning, not an error. */
    UserProbeResolver(BinaryLocator locator, OptionalLong pid, boolean unsafe) {
        this(locator, pid, unsafe, new MissingProbes(MissingProbes.Mode.ERROR));
    }

    /** {@code missing}: what a function the binary does not have is (missing_probes). */
    UserProbeResolver(BinaryLocator locator, OptionalLong pid, boolean unsafe, MissingProbes missing) {
        this.missing = missing;
        this.locator = locator;
        this.pid = pid;
        this.unsafe = unsafe;
    }

    /** The warnings resolution gave so far (bpftrace prints them while attaching). */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The probes of a uprobe/uretprobe attach point, those at a function's entry with its DWARF signature. */
    List<ProbeTarget> uprobe(AttachPoint ap, boolean ret) {
        List<ProbeTarget> out = new ArrayList<>();
        for (ProbeTarget t : uprobeTargets(ap, ret)) {
            // FUNC+OFF and address probes are not at an entry, where the arguments are in their registers.
            ElfFile elf = t instanceof ProbeTarget.Uprobe u ? files.get(Path.of(u.binary())) : null;
            if (t instanceof ProbeTarget.Uprobe u && u.dwarf() && elf != null && u.name().endsWith(":" + u.function())) {
                UprobeSignature.Source source = dwarf.computeIfAbsent(Path.of(u.binary()), b -> new UprobeSignature.Source(elf));
                t = u.withSignature(source.of(u.function()));
            }
            out.add(t);
        }
        return out;
    }

    private List<ProbeTarget> uprobeTargets(AttachPoint ap, boolean ret) {
        String type = ret ? "uretprobe" : "uprobe";
        List<String> parts = ap.parts();
        String binaryText, funcText;
        if (parts.size() == 3) {
            binaryText = parts.get(1);
            funcText = parts.get(2);
        } else if (parts.size() == 2 && pid.isPresent()) {
            // With -p the binary may be left out: the process's own executable.
            binaryText = "/proc/" + pid.getAsLong() + "/exe";
            funcText = parts.get(1);
        } else {
            throw new CompileError(ap.span(), type + " probe type requires 2 arguments");
        }
        if (funcText.isEmpty()) throw new CompileError(ap.span(), type + " probe must have a function name or address");
        Path binary = binary(ap, binaryText);
        ElfFile elf = elf(ap, binary);
        String path = binary.toString();
        long pidValue = pid.orElse(-1);
        boolean dwarf = elf.hasSection(".debug_info");
        List<ProbeTarget> out = new ArrayList<>();
        try {
            if (isAddress(funcText)) {
                long addr = parseNumber(ap, funcText);
                long off = fileOffset(ap, elf, addr, path + ":" + funcText);
                ElfSymbol holder = containing(elf, addr);
                String func = holder == null ? "0x" + Long.toHexString(addr) : holder.name();
                Optional<String> warning = holder == null
                        ? UprobeOffsetCheck.checkUnknownAddress(ap, path, type + ":" + path + ":" + funcText, addr, unsafe)
                        : UprobeOffsetCheck.check(ap, elf, path, holder, addr - holder.value(), type, unsafe);
                warning.ifPresent(warnings::add);
                out.add(new ProbeTarget.Uprobe(type + ":" + path + ":" + funcText, path, func, off, ret, pidValue, dwarf));
                return out;
            }
            int plus = funcText.lastIndexOf('+');
            if (plus > 0 && !Glob.hasWildcard(funcText)) {
                String name = funcText.substring(0, plus);
                long offset = parseNumber(ap, funcText.substring(plus + 1));
                ElfSymbol sym = function(elf, name);
                if (sym == null) return unresolved(type + ":" + path + ":" + funcText, path, name);
                UprobeOffsetCheck.check(ap, elf, path, sym, offset, type, unsafe).ifPresent(warnings::add);
                long off = fileOffset(ap, elf, sym.value() + offset, path + ":" + funcText);
                out.add(new ProbeTarget.Uprobe(type + ":" + path + ":" + funcText, path, name, off, ret, pidValue, dwarf));
                return out;
            }
            if (!Glob.hasWildcard(funcText)) {
                ElfSymbol sym = function(elf, funcText);
                if (sym == null) return unresolved(type + ":" + path + ":" + funcText, path, funcText);
                long off = fileOffset(ap, elf, sym.value(), path + ":" + funcText);
                out.add(new ProbeTarget.Uprobe(type + ":" + path + ":" + funcText, path, funcText, off, ret, pidValue, dwarf));
                return out;
            }
            List<ElfSymbol> matches = new ArrayList<>();
            for (ElfSymbol sym : elf.functions()) if (Glob.matches(funcText, sym.name())) matches.add(sym);
            matches.sort((a, b) -> a.name().compareTo(b.name()));
            for (ElfSymbol sym : matches) {
                // Functions without a file offset (e.g. in a non-loaded section) are skipped, not errors.
                OptionalLong off = elf.fileOffset(sym.value());
                if (off.isEmpty()) continue;
                out.add(new ProbeTarget.Uprobe(type + ":" + path + ":" + sym.name(), path, sym.name(), off.getAsLong(),
                        ret, pidValue, dwarf));
            }
        } catch (ElfFormatException e) {
            throw new CompileError(ap.span(), "cannot read " + path + ": " + e.getMessage());
        }
        // As bpftrace, a wildcard matching no function adds no probe.
        return out;
    }

    List<ProbeTarget> usdt(AttachPoint ap) {
        List<String> parts = ap.parts();
        String binaryText, providerPattern, namePattern;
        if (parts.size() == 4) {
            binaryText = parts.get(1);
            providerPattern = parts.get(2);
            namePattern = parts.get(3);
        } else if (parts.size() == 3) {
            binaryText = parts.get(1);
            providerPattern = "*";
            namePattern = parts.get(2);
        } else {
            throw new CompileError(ap.span(), "usdt probe type requires 2 or 3 arguments");
        }
        if (binaryText.equals("*")) return hostUsdt(ap, providerPattern, namePattern);
        Path binary = binary(ap, binaryText);
        ElfFile elf = elf(ap, binary);
        String path = binary.toString();
        List<UsdtProbe> probes;
        try {
            probes = UsdtNotes.read(elf);
        } catch (ElfFormatException e) {
            throw new CompileError(ap.span(), "cannot read the USDT notes of " + path + ": " + e.getMessage());
        }
        List<ProbeTarget> out = matchingUsdt(path, probes, providerPattern, namePattern);
        if (out.isEmpty()) {
            String what = parts.size() == 4 ? providerPattern + ":" + namePattern : namePattern;
            throw new CompileError(ap.span(), "No USDT probe " + what + " in " + path
                    + (probes.isEmpty() ? " (it has no .note.stapsdt notes)" : ""));
        }
        return out;
    }

    /**
     * {@code usdt:*:...}: the probes of every binary and library mapped by a running process (by
     * the -p process only, with -p), as bpftrace finds them; each is attached to its file, for
     * every process. Only executable mappings count; files that are gone or are not ELF are skipped.
     */
    private List<ProbeTarget> hostUsdt(AttachPoint ap, String providerPattern, String namePattern) {
        java.util.SortedSet<String> paths = new java.util.TreeSet<>();
        for (int p : pid.isPresent() ? List.of((int) pid.getAsLong()) : runningPids()) {
            // Code the process runs: not files it merely reads through mmap (a tracer's own ELF reading).
            jtrace.symbols.ProcessMaps.read(p).ifPresent(m -> m.mappings().stream()
                    .filter(x -> x.executable() && !x.deleted()).forEach(x -> paths.add(x.path())));
        }
        List<ProbeTarget> out = new ArrayList<>();
        for (String path : paths) {
            List<UsdtProbe> probes;
            try {
                ElfFile elf = files.containsKey(Path.of(path)) ? files.get(Path.of(path)) : ElfFile.read(Path.of(path));
                probes = UsdtNotes.read(elf);
            } catch (IOException | ElfFormatException | RuntimeException e) {
                continue;
            }
            out.addAll(matchingUsdt(path, probes, providerPattern, namePattern));
        }
        if (out.isEmpty()) {
            String what = providerPattern.equals("*") ? namePattern : providerPattern + ":" + namePattern;
            throw new CompileError(ap.span(), "No USDT probe " + what + " in the binaries of "
                    + (pid.isPresent() ? "process " + pid.getAsLong() : "any running process"));
        }
        return out;
    }

    private List<ProbeTarget> matchingUsdt(String path, List<UsdtProbe> probes, String providerPattern, String namePattern) {
        List<ProbeTarget> out = new ArrayList<>();
        for (UsdtProbe p : probes) {
            if (!Glob.matches(providerPattern, p.provider()) || !Glob.matches(namePattern, p.name())) continue;
            out.add(new ProbeTarget.Usdt("usdt:" + path + ":" + p.provider() + ":" + p.name(), path, p, pid.orElse(-1)));
        }
        return out;
    }

    /** The pids of /proc, in order. */
    private static List<Integer> runningPids() {
        List<Integer> out = new ArrayList<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            dirs.map(d -> d.getFileName().toString()).filter(n -> n.matches("[0-9]+")).forEach(n -> out.add(Integer.parseInt(n)));
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    private Path binary(AttachPoint ap, String text) {
        Path found = locator.locate(text).orElseThrow(() -> new CompileError(ap.span(),
                "Could not find binary or library '" + text + "' (not a file, an executable in $PATH, or a library the linker knows)"));
        if (text.startsWith("/proc/")) {
            try {
                return found.toRealPath();
            } catch (IOException e) {
                return found;
            }
        }
        return found;
    }

    private ElfFile elf(AttachPoint ap, Path binary) {
        ElfFile cached = files.get(binary);
        if (cached != null) return cached;
        try {
            if (!Files.isReadable(binary)) throw new IOException("not readable");
            ElfFile elf = ElfFile.read(binary);
            files.put(binary, elf);
            return elf;
        } catch (IOException | ElfFormatException e) {
            throw new CompileError(ap.span(), "cannot read " + binary + " as an ELF file: " + e.getMessage());
        }
    }

    /** The function named {@code name}, or null. */
    private static ElfSymbol function(ElfFile elf, String name) throws ElfFormatException {
        for (ElfSymbol sym : elf.functions()) if (sym.name().equals(name)) return sym;
        return null;
    }

    /** A function the binary does not have: bpftrace finds out when attaching, and applies missing_probes. */
    private List<ProbeTarget> unresolved(String probeName, String path, String name) {
        missing.unattachable(probeName, "Could not resolve symbol: " + path + ":" + name);
        return List.of();
    }

    private static long fileOffset(AttachPoint ap, ElfFile elf, long vaddr, String what) {
        return elf.fileOffset(vaddr).orElseThrow(() -> new CompileError(ap.span(),
                "Could not resolve address: " + what + " is in no loadable segment of the file"));
    }

    /** The function whose range holds {@code addr} (the value of {@code func}); null when none does. */
    private static ElfSymbol containing(ElfFile elf, long addr) throws ElfFormatException {
        for (ElfSymbol sym : elf.functions()) {
            if (Long.compareUnsigned(addr, sym.value()) >= 0 && Long.compareUnsigned(addr - sym.value(), Math.max(1, sym.size())) < 0) {
                return sym;
            }
        }
        return null;
    }

    private static boolean isAddress(String s) {
        return s.matches("0[xX][0-9a-fA-F]+") || s.matches("[0-9]+");
    }

    private static long parseNumber(AttachPoint ap, String s) {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseUnsignedLong(s.substring(2), 16);
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new CompileError(ap.span(), "Invalid offset or address: " + s);
        }
    }
}
