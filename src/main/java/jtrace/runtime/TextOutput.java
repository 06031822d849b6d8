package jtrace.runtime;

import java.io.PrintStream;
import java.util.List;

/**
 * bpftrace's text output. Strings here hold one char per byte, and the stream is ISO-8859-1, so
 * bytes from the kernel reach the terminal unchanged.
 */
public final class TextOutput {
    private final PrintStream out;

    public TextOutput(PrintStream out) { this.out = out; }

    void printf(String s) { out.print(s); }

    void map(MapDump dump, int top, int div) { out.print(TextMapPrinter.print(dump.name(), dump.entries(), top, div)); }

    void value(Value v) { out.println(ValueText.text(v)); }

    void exitMaps(List<MapDump> maps) { out.print(TextMapPrinter.printAll(maps)); }

    void lostEvents(long n) { out.println("Lost " + n + " events"); }

    void flush() { out.flush(); }

}
