package jtrace.runtime;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * bpftrace's text output. Strings here hold one char per byte, and the streams are ISO-8859-1, so
 * bytes from the kernel reach the terminal unchanged.
 */
public final class TextOutput implements Output {
    private final PrintStream out;
    private final PrintStream err;

    public TextOutput(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** One char per byte (see above): getBytes is an array copy, cheaper than print's encoder. */
    @Override public void printf(String s) { out.write(s.getBytes(StandardCharsets.ISO_8859_1), 0, s.length()); }

    /** An empty map prints an empty line, as in bpftrace: a line begun before print() still ends. */
    @Override public void map(MapDump dump, int top, int div) {
        String text = TextMapPrinter.print(dump.name(), dump.entries(), top, div);
        out.print(text.isEmpty() ? "\n" : text);
    }

    @Override public void value(Value v) { out.println(ValueText.text(v)); }

    @Override public void time(String text) { out.print(text); }

    @Override public void join(String text) { out.println(text); }

    /** Flushes the program's output first, so the message lands after what was printed before it. */
    @Override public void message(String text) {
        out.flush();
        err.print(text);
        err.flush();
    }

    @Override public void exitMaps(List<MapDump> maps) { out.print(TextMapPrinter.printAll(maps)); }

    /**
     * Current bpftrace reports lost events on stderr, apart from the program's output. The output is
     * flushed first: when both streams go to one file, the warning then starts a line of its own
     * instead of landing inside a line cut where a full buffer was written out.
     */
    @Override public void lostEvents(long n) {
        out.flush();
        err.println("Lost " + n + " events");
    }

    @Override public void mapFull(long n) {
        out.flush();
        err.println(MapFullWarning.text(n));
    }

    @Override public void attachedProbes(int n) { err.println("Attached " + n + (n == 1 ? " probe" : " probes")); }

    @Override public void flush() { out.flush(); }

    @Override public boolean broken() { return out.checkError(); }
}
