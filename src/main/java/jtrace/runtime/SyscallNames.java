package jtrace.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code syscall_name()} text: the x86-64 system call table (a resource generated from the
 * kernel's unistd_64.h, with the x32 numbers bpftrace also names), "Unknown syscall" otherwise.
 */
public final class SyscallNames {
    static final String UNKNOWN = "Unknown syscall";
    private static final Map<Long, String> TABLE = load();

    private SyscallNames() {}

    public static String of(long number) {
        return TABLE.getOrDefault(number, UNKNOWN);
    }

    private static Map<Long, String> load() {
        Map<Long, String> table = new HashMap<>();
        try (InputStream in = SyscallNames.class.getResourceAsStream("syscalls-x86_64.txt")) {
            if (in == null) return table;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split("\\s+");
                table.put(Long.parseLong(f[0]), f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
