package jtrace.cpp;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The struct and union definitions in the active text of the headers a script included, found by
 * name the first time one is asked for (most scripts never ask, so nothing is scanned).
 */
public final class HeaderStructs {
    public static final HeaderStructs EMPTY = new HeaderStructs("");

    private static final Pattern START = Pattern.compile("\\b(struct|union)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\{");

    private final String text;
    private Map<String, String> index;

    HeaderStructs(String text) { this.text = text; }

    /** The definition of {@code name} ("struct sockaddr") as written, through its '}', or null. */
    public String definition(String name) {
        if (text.isEmpty()) return null;
        if (index == null) index = scan();
        return index.get(name);
    }

    private Map<String, String> scan() {
        Map<String, String> found = new HashMap<>();
        Matcher m = START.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int depth = 0;
            int i = m.end() - 1;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) break;
            }
            if (i >= text.length()) break;
            found.putIfAbsent(m.group(1) + " " + m.group(2), text.substring(m.start(), i + 1) + ";");
            // Nested definitions are found too, by scanning on just after this one's name.
            from = m.end();
        }
        return found;
    }
}
