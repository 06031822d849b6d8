package jtrace.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The {@code username} builtin's text: a uid's name from the passwd file, read once. */
final class UserNames {
    private static final Path PASSWD = Path.of("/etc/passwd");
    private static Map<Long, String> names;

    private UserNames() {}

    /** The name of {@code uid}, or the number itself when no passwd entry has it. */
    static synchronized String of(long uid) {
        if (names == null) names = read(PASSWD);
        String name = names.get(uid);
        return name != null ? name : Long.toString(uid);
    }

    /** name:password:uid:... lines; the first entry for a uid wins, as getpwuid(3) finds it. */
    static Map<Long, String> parse(String passwd) {
        Map<Long, String> out = new HashMap<>();
        for (String line : passwd.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length < 3 || line.startsWith("#")) continue;
            try {
                out.putIfAbsent(Long.parseLong(f[2].trim()), f[0]);
            } catch (NumberFormatException ignored) {
                // a malformed line names nobody
            }
        }
        return out;
    }

    private static Map<Long, String> read(Path p) {
        try {
            return parse(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Map.of();
        }
    }
}
