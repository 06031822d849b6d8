package jtrace.cli;

import jtrace.sys.Tracefs;
import jtrace.tracefs.Glob;
import jtrace.tracefs.ListingFormatter;
import jtrace.tracefs.TracepointCatalog;

import java.io.PrintStream;

/** {@code -l} and {@code -lv}: the probes this kernel offers that match a pattern. */
final class Listing {
    private Listing() {}

    static int list(Options opts, PrintStream out, PrintStream err) {
        String pattern = opts.listPattern() == null ? "*" : opts.listPattern();
        String[] parts = pattern.split(":", -1);
        String type = parts.length >= 3 ? parts[0] : "tracepoint";
        if (type.equals("t")) type = "tracepoint";
        if (!Glob.matches(type, "tracepoint")) return 0;
        String catGlob = parts.length >= 3 ? parts[1] : parts.length == 2 ? parts[0] : "*";
        String evGlob = parts.length >= 3 ? parts[2] : parts.length == 2 ? parts[1] : pattern;
        if (parts.length == 1 && !pattern.contains("*") && !pattern.contains("?")) evGlob = "*" + pattern + "*";
        TracepointCatalog catalog = new TracepointCatalog(Tracefs.root());
        for (String[] ce : catalog.match(catGlob, evGlob)) {
            if (opts.listVerbose()) out.print(ListingFormatter.tracepointWithArgs(ce[0], ce[1], catalog.format(ce[0], ce[1])));
            else out.print(ListingFormatter.tracepoint(ce[0], ce[1]));
        }
        out.flush();
        return 0;
    }
}
