package jtrace.tracefs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The tracepoints under a tracefs mount (e.g. /sys/kernel/tracing), read from its events/ directory. */
public final class TracepointCatalog {
    private final Path events;

    public TracepointCatalog(Path tracefsRoot) {
        this.events = tracefsRoot.resolve("events");
    }

    /** Every (category, event) with a format file, sorted by category then event. */
    public List<String[]> list() {
        return match("*", "*");
    }

    /** The (category, event) pairs whose names match the globs, sorted. */
    public List<String[]> match(String categoryGlob, String eventGlob) {
        List<String[]> out = new ArrayList<>();
        for (String category : dirNames(events)) {
            if (!Glob.matches(categoryGlob, category)) continue;
            for (String event : dirNames(events.resolve(category))) {
                if (Glob.matches(eventGlob, event) && Files.isRegularFile(formatFile(category, event))) {
                    out.add(new String[] {category, event});
                }
            }
        }
        return out;
    }

    public boolean exists(String category, String event) {
        return isPlainName(category) && isPlainName(event) && Files.isRegularFile(formatFile(category, event));
    }

    public TracepointFormat format(String category, String event) {
        if (!isPlainName(category) || !isPlainName(event)) throw new TracepointNotFoundException(category, event);
        try {
            return TracepointFormat.parse(Files.readString(formatFile(category, event), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new TracepointNotFoundException(category, event);
        } catch (IOException e) {
            throw new TracefsException("cannot read " + formatFile(category, event) + ": " + e.getMessage());
        }
    }

    private Path formatFile(String category, String event) {
        return events.resolve(category).resolve(event).resolve("format");
    }

    /** Names never reach outside events/ (no separators, no dot entries). */
    private static boolean isPlainName(String s) {
        return !s.isEmpty() && !s.contains("/") && !s.equals(".") && !s.equals("..");
    }

    private static List<String> dirNames(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new TracefsException("cannot list " + dir + ": " + e.getMessage());
        }
    }
}
