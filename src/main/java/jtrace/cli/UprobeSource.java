package jtrace.cli;

import jtrace.dwarf.DebugInfo;
import jtrace.dwarf.DwarfFormatException;
import jtrace.dwarf.DwarfParameter;
import jtrace.elf.BinaryLocator;
import jtrace.elf.ElfFile;
import jtrace.elf.ElfFormatException;
import jtrace.tracefs.Glob;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The functions of user-space binaries for {@code uprobe:BINARY:FUNC} listing, from their ELF
 * symbol tables. A binary without a slash is looked up in $PATH; a glob in the file name part
 * of a path picks every matching file. Files that are not ELF are skipped, as bpftrace does.
 */
final class UprobeSource implements ProbeSource {
    private final String searchPath;
    private final Consumer<String> warn;
    private final Map<String, List<String>> cache = new HashMap<>();
    private final Map<String, Optional<DebugInfo>> debugInfo = new HashMap<>();

    UprobeSource(String searchPath, Consumer<String> warn) {
        this.searchPath = searchPath == null ? "" : searchPath;
        this.warn = warn;
    }

    @Override
    public List<String> candidates(String target) {
        List<String> out = new ArrayList<>();
        for (String path : resolve(target)) out.addAll(functions(path));
        return out;
    }

    @Override
    public String canonicalTarget(String target) {
        if (target.indexOf('/') >= 0 || Glob.hasWildcard(target)) return target;
        List<String> found = resolve(target);
        return found.isEmpty() ? target : found.getFirst();
    }

    /** The function's parameters from the binary's DWARF, as bpftrace lists them; without DWARF a warning once per binary. */
    @Override
    public List<String> params(String match) {
        int colon = match.lastIndexOf(':');
        String path = colon < 0 ? match : match.substring(0, colon);
        String function = colon < 0 ? "" : match.substring(colon + 1);
        Optional<DebugInfo> info = debugInfo.computeIfAbsent(path, this::readDebugInfo);
        if (info.isEmpty()) return List.of();
        return info.get().function(function).map(f -> f.parameters().stream().map(DwarfParameter::listing).toList())
                .orElse(List.of());
    }

    private Optional<DebugInfo> readDebugInfo(String path) {
        try {
            ElfFile elf = ElfFile.read(Path.of(path));
            if (DebugInfo.present(elf)) return Optional.of(DebugInfo.read(elf));
            warn.accept("No DWARF found for \"" + path + "\", cannot show parameter info");
        } catch (DwarfFormatException e) {
            warn.accept("Cannot read the DWARF of \"" + path + "\" (" + e.getMessage() + "), cannot show parameter info");
        } catch (IOException | ElfFormatException | RuntimeException e) {
            warn.accept("No DWARF found for \"" + path + "\", cannot show parameter info");
        }
        return Optional.empty();
    }

    /** The existing files {@code target} names. */
    List<String> resolve(String target) {
        if (target == null || target.isEmpty()) return List.of();
        if (target.indexOf('/') < 0) {
            if (Glob.hasWildcard(target)) return List.of();
            for (String dir : searchPath.split(":")) {
                if (dir.isEmpty()) continue;
                Path p = Path.of(dir, target);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return List.of(p.toString());
            }
            // Not a program: a library name (libc), as uprobe attach points resolve it.
            return BinaryLocator.system(OptionalLong.empty()).library(target).map(p -> List.of(p.toString())).orElse(List.of());
        }
        if (!Glob.hasWildcard(target)) return Files.isRegularFile(Path.of(target)) ? List.of(target) : List.of();
        int slash = target.lastIndexOf('/');
        String dir = slash == 0 ? "/" : target.substring(0, slash);
        String namePattern = target.substring(slash + 1);
        if (Glob.hasWildcard(dir)) return List.of();
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(dir))) {
            for (Path p : entries) {
                if (Glob.matches(namePattern, p.getFileName().toString()) && Files.isRegularFile(p)) {
                    out.add((slash == 0 ? "/" : dir + "/") + p.getFileName());
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    private List<String> functions(String path) {
        return cache.computeIfAbsent(path, p -> {
            try {
                return ElfFile.read(Path.of(p)).functionNames().stream().map(n -> p + ":" + n).toList();
            } catch (IOException | ElfFormatException | RuntimeException e) {
                return List.of();
            }
        });
    }

}
