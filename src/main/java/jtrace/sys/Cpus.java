package jtrace.sys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CPU lists from sysfs. Per-CPU map values come one per possible CPU, in CPU order. */
public final class Cpus {
    private Cpus() {}

    private static final Path SYSFS = Path.of("/sys/devices/system/cpu");
    private static volatile List<Integer> possible;

    /** The possible CPUs (never changes while the system runs, so it is read once). */
    public static List<Integer> possible() {
        var p = possible;
        if (p == null) possible = p = read("possible");
        return p;
    }

    /** The CPUs online now. */
    public static List<Integer> online() {
        return read("online");
    }

    private static List<Integer> read(String file) {
        try {
            return parse(Files.readString(SYSFS.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SYSFS.resolve(file), e);
        }
    }

    /** Parses the kernel's cpu list format, e.g. {@code "0-3,5,7-8"}. */
    public static List<Integer> parse(String list) {
        var out = new ArrayList<Integer>();
        String s = list.strip();
        if (s.isEmpty()) return List.of();
        for (String part : s.split(",")) {
            int dash = part.indexOf('-');
            try {
                int lo = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash));
                int hi = dash < 0 ? lo : Integer.parseInt(part.substring(dash + 1));
                if (hi < lo) throw new IllegalArgumentException("bad cpu range: " + part);
                for (int c = lo; c <= hi; c++) out.add(c);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad cpu list: " + list.strip(), e);
            }
        }
        return List.copyOf(out);
    }
}
