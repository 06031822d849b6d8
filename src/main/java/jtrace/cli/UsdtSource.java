package jtrace.cli;

import jtrace.elf.ElfFile;
import jtrace.elf.ElfFormatException;
import jtrace.elf.UsdtNotes;
import jtrace.elf.UsdtProbe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The USDT probes of user-space binaries for {@code usdt:BINARY:PROVIDER:NAME} listing, from their
 * {@code .note.stapsdt} notes; binaries are found as for uprobes. A probe with several sites is
 * listed once.
 */
final class UsdtSource implements ProbeSource {
    private final UprobeSource files;
    private final Map<String, List<String>> cache = new HashMap<>();

    UsdtSource(UprobeSource files) {
        this.files = files;
    }

    @Override
    public Collection<String> candidates(String target) {
        List<String> out = new ArrayList<>();
        for (String path : files.resolve(target)) out.addAll(probes(path));
        return out;
    }

    @Override
    public String canonicalTarget(String target) {
        return files.canonicalTarget(target);
    }

    private List<String> probes(String path) {
        return cache.computeIfAbsent(path, p -> {
            try {
                Set<String> names = new LinkedHashSet<>();
                for (UsdtProbe u : UsdtNotes.read(ElfFile.read(Path.of(p)))) names.add(p + ":" + u.provider() + ":" + u.name());
                return List.copyOf(names);
            } catch (IOException | ElfFormatException | RuntimeException e) {
                return List.of();
            }
        });
    }
}
