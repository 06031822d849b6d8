package jtrace.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Drains one output stream of a child process on its own thread, keeping the text exactly
 * (blank lines, missing final newline), and lets callers wait for a line. Lines equal to one of
 * the hidden markers are recorded as seen but left out of the text.
 */
final class StreamCollector {
    private final Set<String> hidden;
    private final StringBuilder text = new StringBuilder();
    private final List<String> lines = new ArrayList<>();
    private final List<String> hiddenSeen = new ArrayList<>();
    private final Thread thread;
    private boolean eof;
    private IOException failure;

    StreamCollector(String name, InputStream in, Set<String> hidden) {
        this.hidden = hidden;
        this.thread = Thread.ofPlatform().daemon().name(name).start(() -> drain(in));
    }

    private void drain(InputStream in) {
        StringBuilder line = new StringBuilder();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    line.append(buf[i]);
                    if (buf[i] == '\n') {
                        accept(line.toString(), true);
                        line.setLength(0);
                    }
                }
            }
        } catch (IOException e) {
            synchronized (this) { failure = e; }
        } finally {
            if (!line.isEmpty()) {
                accept(line.toString(), false);
            }
            synchronized (this) {
                eof = true;
                notifyAll();
            }
        }
    }

    private synchronized void accept(String raw, boolean terminated) {
        String bare = terminated ? raw.substring(0, raw.length() - 1) : raw;
        if (hidden.contains(bare)) {
            hiddenSeen.add(bare);
        } else {
            text.append(raw);
            lines.add(bare);
        }
        notifyAll();
    }

    synchronized String text() { return text.toString(); }

    synchronized boolean sawHidden(String marker) { return hiddenSeen.contains(marker); }

    /**
     * Waits until a line (hidden markers included) matches, the stream ends, or the deadline passes.
     * Returns whether a matching line was seen.
     */
    synchronized boolean awaitLine(Predicate<String> match, Instant deadline) throws InterruptedException {
        int checked = 0;
        int checkedHidden = 0;
        while (true) {
            for (; checked < lines.size(); checked++) {
                if (match.test(lines.get(checked))) return true;
            }
            for (; checkedHidden < hiddenSeen.size(); checkedHidden++) {
                if (match.test(hiddenSeen.get(checkedHidden))) return true;
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (eof || left <= 0) return false;
            wait(left);
        }
    }

    /** Waits for end of stream; returns false on timeout. */
    boolean join(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    synchronized IOException failure() { return failure; }
}
