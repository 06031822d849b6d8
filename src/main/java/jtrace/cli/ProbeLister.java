package jtrace.cli;

import jtrace.tracefs.Glob;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * bpftrace's {@code -l PATTERN} matching: the pattern is {@code type:rest}, the type part may be a
 * glob or an alias, and each type's probes are matched against {@code rest} as whole strings.
 * Types come out sorted by name and each type's probes sorted, one {@code type:name} a line.
 */
final class ProbeLister {
    /** Kernel probe types listed when the type is a wildcard, limited to those this kernel can run. */
    static final List<String> KERNEL_TYPES = List.of("hardware", "iter", "rawtracepoint", "software", "tracepoint");
    /** User-space types, listed for a wildcard type only when the target is a file that exists. */
    static final List<String> USERSPACE_TYPES = List.of("uprobe", "usdt");
    static final Map<String, String> ALIASES = Map.of("t", "tracepoint", "rt", "rawtracepoint", "s", "software",
            "h", "hardware", "it", "iter", "i", "interval", "p", "profile", "u", "uprobe", "U", "usdt");

    private final Map<String, ProbeSource> sources;
    private final boolean verbose;
    private final Predicate<String> fileExists;

    ProbeLister(Map<String, ProbeSource> sources, boolean verbose, Predicate<String> fileExists) {
        this.sources = sources;
        this.verbose = verbose;
        this.fileExists = fileExists;
    }

    static String fullTypeName(String type) {
        return ALIASES.getOrDefault(type, type);
    }

    /** The lines {@code jtrace -l pattern} prints; a null or empty pattern lists everything. */
    List<String> list(String pattern) {
        String search = pattern == null || pattern.isEmpty() ? "*:*" : pattern.indexOf(':') < 0 ? "*:" + pattern : pattern;
        List<String> parts = split(search);
        int colon = search.indexOf(':');
        String suffix = colon < 0 ? "" : search.substring(colon + 1);
        if (suffix.isEmpty() && parts.size() == 1) suffix = "*";
        String typePattern = parts.getFirst();
        boolean specificTarget = parts.size() > 1 && !parts.get(1).isEmpty() && !Glob.hasWildcard(parts.get(1))
                && fileExists.test(parts.get(1));
        boolean userspace = (!Glob.hasWildcard(typePattern) && !typePattern.isEmpty()) || specificTarget;

        SortedSet<String> types = new TreeSet<>();
        if (Glob.hasWildcard(typePattern) || parts.size() == 1) {
            String tp = typePattern.isEmpty() ? "*" : typePattern;
            types.addAll(expand(tp, KERNEL_TYPES));
            if (userspace) types.addAll(expand(tp, USERSPACE_TYPES));
        } else {
            types.add(fullTypeName(typePattern));
        }

        List<String> out = new ArrayList<>();
        for (String type : types) {
            String t = fullTypeName(type);
            if (!sources.containsKey(t)) continue;
            String target = "";
            String input = suffix;
            switch (t) {
                case "uprobe", "usdt", "tracepoint" -> {
                    if (parts.size() > 2) {
                        target = sources.get(t).canonicalTarget(parts.get(1));
                        input = target + suffix.substring(parts.get(1).length());
                    } else {
                        target = "*";
                        input = "*:" + suffix;
                    }
                }
                case "rawtracepoint" -> {
                    if (parts.size() > 2) target = parts.get(1);
                }
                default -> input = suffix.isEmpty() ? "*" : suffix;
            }
            out.addAll(format(t, matches(t, target, input)));
        }
        return out;
    }

    /**
     * The lines for one attach point of a program ({@code -l -e}), as bpftrace expands it:
     * counters and timers by their event or unit, others by their target and function. BEGIN/END
     * and types this kernel cannot run list nothing.
     */
    List<String> listAttachPoint(List<String> parts) {
        String type = fullTypeName(parts.getFirst());
        ProbeSource source = sources.get(type);
        if (source == null || parts.size() < 2) return List.of();
        String target = parts.get(1);
        String search = switch (type) {
            case "software", "hardware", "interval", "profile" -> target + ":";
            case "rawtracepoint" -> parts.size() > 2 ? target + ":" + parts.get(2) : "*:" + target;
            default -> {
                if (parts.size() < 3) yield null;
                target = source.canonicalTarget(target);
                yield target + ":" + String.join(":", parts.subList(2, parts.size()));
            }
        };
        if (search == null) return List.of();
        return format(type, matches(type, target, search));
    }

    /** The probes of {@code type} (a full type name) whose names match {@code search}, sorted. */
    SortedSet<String> matches(String type, String target, String search) {
        SortedSet<String> out = new TreeSet<>();
        ProbeSource source = sources.get(type);
        if (source == null) return out;
        for (String c : source.candidates(target)) if (Glob.matches(search, c)) out.add(c);
        return out;
    }

    /** {@code type:match} lines, each followed by its indented {@code -lv} lines when verbose. */
    List<String> format(String type, SortedSet<String> matches) {
        List<String> out = new ArrayList<>();
        ProbeSource source = sources.get(type);
        for (String m : matches) {
            out.add(type + ":" + m);
            if (verbose) for (String p : source.params(m)) out.add("    " + p);
        }
        return out;
    }

    /** A plain type stands for itself (aliases resolved later); a glob picks from {@code names}. */
    private static List<String> expand(String typePattern, List<String> names) {
        if (!Glob.hasWildcard(typePattern)) return List.of(typePattern);
        return names.stream().filter(n -> Glob.matches(typePattern, n)).toList();
    }

    /** Splits on ':' keeping empty inner parts but not a trailing empty one, as bpftrace does. */
    static List<String> split(String s) {
        List<String> parts = new ArrayList<>(Arrays.asList(s.split(":", -1)));
        if (parts.size() > 1 && parts.getLast().isEmpty()) parts.removeLast();
        return parts;
    }
}
