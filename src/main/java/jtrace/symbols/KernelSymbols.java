package jtrace.symbols;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The kernel's symbols from /proc/kallsyms, sorted by address for binary search. Code symbols
 * (text, weak) resolve addresses; every named symbol answers {@link #address}. Loaded once, lazily.
 */
public final class KernelSymbols {
    public static final Path KALLSYMS = Path.of("/proc/kallsyms");

    private static KernelSymbols system;

    private final long[] addresses;
    private final String[] names;
    private final String[] modules;
    private final Map<String, Long> byName;

    private KernelSymbols(long[] addresses, String[] names, String[] modules, Map<String, Long> byName) {
        this.addresses = addresses;
        this.names = names;
        this.modules = modules;
        this.byName = byName;
    }

    /** The running kernel's table, read on first use. */
    public static synchronized KernelSymbols system() {
        if (system == null) {
            try (var in = Files.newInputStream(KALLSYMS)) {
                system = parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                system = parse("");
            }
        }
        return system;
    }

    /** Parses kallsyms text: {@code ADDRESS TYPE NAME [MODULE]} per line. Addresses shown as 0 (no privilege) are dropped. */
    public static KernelSymbols parse(String text) {
        record Entry(long addr, String name, String module) {}
        List<Entry> code = new ArrayList<>();
        Map<String, Long> byName = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("[ \t]+");
            if (f.length < 3) continue;
            long addr;
            try {
                addr = Long.parseUnsignedLong(f[0], 16);
            } catch (NumberFormatException e) {
                continue;
            }
            if (addr == 0) continue;
            String module = f.length > 3 ? f[3].replace("[", "").replace("]", "") : null;
            byName.putIfAbsent(f[2], addr);
            char type = f[1].isEmpty() ? '?' : Character.toLowerCase(f[1].charAt(0));
            if (type == 't' || type == 'w') code.add(new Entry(addr, f[2], module));
        }
        code.sort((a, b) -> Long.compareUnsigned(a.addr(), b.addr()));
        long[] addrs = new long[code.size()];
        String[] names = new String[code.size()];
        String[] modules = new String[code.size()];
        for (int i = 0; i < code.size(); i++) {
            addrs[i] = code.get(i).addr();
            names[i] = code.get(i).name();
            modules[i] = code.get(i).module();
        }
        return new KernelSymbols(addrs, names, modules, byName);
    }

    public int size() { return addresses.length; }

    /** The code symbol at or below {@code addr} (the last one when several share an address). */
    public Optional<Symbol> resolve(long addr) {
        int lo = 0, hi = addresses.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(addresses[mid], addr) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) return Optional.empty();
        return Optional.of(new Symbol(names[found], addr - addresses[found], modules[found]));
    }

    /** bpftrace's text for a kernel address: {@code name[+offset]}, or {@code 0x...} when nothing holds it. */
    public String format(long addr, boolean withOffset) {
        return resolve(addr).map(s -> s.text(withOffset)).orElseGet(() -> hex(addr));
    }

    /** The address of the symbol called {@code name} (any kind), as kaddr() needs. */
    public OptionalLong address(String name) {
        Long a = byName.get(name);
        return a == null ? OptionalLong.empty() : OptionalLong.of(a);
    }

    static String hex(long addr) { return "0x" + Long.toHexString(addr); }

    @Override public String toString() { return "KernelSymbols" + Arrays.toString(Arrays.copyOf(names, Math.min(3, names.length))); }
}
