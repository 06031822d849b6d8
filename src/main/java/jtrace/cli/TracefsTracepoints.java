package jtrace.cli;

import jtrace.sema.TracepointField;
import jtrace.sema.Tracepoints;
import jtrace.sys.Tracefs;
import jtrace.tracefs.TracefsException;
import jtrace.tracefs.TracepointCatalog;
import jtrace.tracefs.TracepointFormat;
import jtrace.tracefs.TracepointNotFoundException;

import java.util.ArrayList;
import java.util.List;

/** Serves semantic analysis from tracefs, mounting it on first use. */
final class TracefsTracepoints implements Tracepoints {
    private TracepointCatalog catalog;

    private TracepointCatalog catalog() {
        if (catalog == null) {
            java.nio.file.Path root = Tracefs.root();
            // tracefs is root-only (mode 0700): say so rather than find no tracepoints.
            if (!java.nio.file.Files.isReadable(root.resolve("events"))) {
                throw new TracefsException("cannot read tracepoints in " + root
                        + ": permission denied (jtrace needs root, or CAP_BPF and CAP_PERFMON with access to tracefs)");
            }
            catalog = new TracepointCatalog(root);
        }
        return catalog;
    }

    @Override
    public List<String> match(String categoryGlob, String eventGlob) {
        List<String> out = new ArrayList<>();
        for (String[] ce : catalog().match(categoryGlob, eventGlob)) out.add(ce[0] + ":" + ce[1]);
        return out;
    }

    @Override
    public List<TracepointField> fields(String category, String event) {
        TracepointFormat format;
        try {
            format = catalog().format(category, event);
        } catch (TracepointNotFoundException e) {
            return null;
        }
        List<TracepointField> fields = new ArrayList<>();
        for (TracepointFormat.Field f : format.args()) {
            // "struct x * p" keeps its '*' in the type; "struct x *p" has it with the name.
            boolean starWithName = f.declaration().contains("*") && !f.cType().endsWith("*");
            fields.add(new TracepointField(f.name(), starWithName ? f.cType() + " *" : f.cType(),
                    f.offset(), f.size(), f.signed(), f.dataLoc(), Math.max(f.arrayLen(), 0)));
        }
        return fields;
    }
}
