package jtrace.symbols;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resolves user-space addresses of a process: the mapping holding the address (from
 * /proc/PID/maps) gives the file and file offset, the file's PT_LOAD segments give the symbol
 * value, the file's symbol table the name. Maps are cached per pid (kept after the process
 * exits), symbol tables per (path, inode).
 */
public final class UserSymbols {
    private final Map<Integer, ProcessMaps> maps = new HashMap<>();
    private final Map<String, Optional<ElfSymbolTable>> tables = new HashMap<>();

    public Optional<Symbol> resolve(int pid, long addr) {
        ProcessMaps pm = maps.get(pid);
        Optional<ProcessMaps.Mapping> m = pm == null ? Optional.empty() : pm.find(addr);
        if (m.isEmpty()) {
            // New process, or one that mapped more since: read its maps again while it lives.
            Optional<ProcessMaps> fresh = ProcessMaps.read(pid);
            if (fresh.isEmpty()) return Optional.empty();
            maps.put(pid, fresh.get());
            m = fresh.get().find(addr);
            if (m.isEmpty()) return Optional.empty();
        }
        ProcessMaps.Mapping mapping = m.get();
        Optional<ElfSymbolTable> table = table(pid, mapping);
        if (table.isEmpty()) return Optional.empty();
        OptionalLong vaddr = table.get().vaddrOf(addr - mapping.start() + mapping.offset());
        if (vaddr.isEmpty()) return Optional.empty();
        return table.get().resolve(vaddr.getAsLong(), mapping.path());
    }

    /** bpftrace's text: {@code name[+offset]}; perf mode adds {@code (module)}; unknown is {@code 0x...}. */
    public String format(int pid, long addr, boolean withOffset, boolean perf) {
        Optional<Symbol> s = resolve(pid, addr);
        if (s.isEmpty()) return KernelSymbols.hex(addr) + (perf ? " ([unknown])" : "");
        return s.get().text(withOffset) + (perf ? " (" + s.get().module() + ")" : "");
    }

    private Optional<ElfSymbolTable> table(int pid, ProcessMaps.Mapping m) {
        return tables.computeIfAbsent(m.path() + "\0" + m.inode(), k -> {
            // Through the process's root, so files of other mount namespaces are found too.
            Path viaProc = Path.of("/proc/" + pid + "/root" + m.path());
            for (Path p : new Path[]{viaProc, Path.of(m.path())}) {
                try {
                    if (Files.isReadable(p)) return Optional.of(ElfSymbolTable.read(p));
                } catch (Exception e) {
                    // try the next spelling, else unknown
                }
            }
            return Optional.empty();
        });
    }

    /** A symbol table for a file, cached; for uaddr() at compile time. */
    public Optional<ElfSymbolTable> table(Path file) {
        return tables.computeIfAbsent(file.toString(), k -> {
            try {
                return Optional.of(ElfSymbolTable.read(file));
            } catch (Exception e) {
                return Optional.empty();
            }
        });
    }
}
