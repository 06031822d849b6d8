package jtrace.cli;

import jtrace.btf.KernelBtf;
import jtrace.btf.BtfFormatException;
import jtrace.btf.RawTracepoints;
import jtrace.sema.PerfEventDef;
import jtrace.sys.Tracefs;
import jtrace.tracefs.TracepointCatalog;
import jtrace.tracefs.TracepointFormat;
import jtrace.tracefs.TracepointNotFoundException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The probe sources of this machine: tracefs, kernel BTF, bpftrace's event tables and ELF files. */
final class ProbeSources {
    private ProbeSources() {}

    /** bpftrace's time units for interval and profile, listed as {@code unit:}. */
    static final List<String> TIME_UNITS = List.of("hz:", "ms:", "s:", "us:");

    /** The self probes jtrace runs, as bpftrace lists them. */
    static final List<String> SELF_EVENTS = List.of("signal:SIGUSR1");

    static Map<String, ProbeSource> all(Consumer<String> warn) {
        Map<String, ProbeSource> m = new LinkedHashMap<>();
        m.put("hardware", ProbeSource.of(eventNames(PerfEventDef.HARDWARE)));
        m.put("interval", ProbeSource.of(TIME_UNITS));
        m.put("iter", new IterSource(warn));
        m.put("profile", ProbeSource.of(TIME_UNITS));
        m.put("rawtracepoint", new RawTracepointSource(warn));
        // bpftrace's own events (listed for a self pattern only, not for a wildcard type): SIGUSR1.
        m.put("self", ProbeSource.of(SELF_EVENTS));
        m.put("software", ProbeSource.of(eventNames(PerfEventDef.SOFTWARE)));
        m.put("tracepoint", new TracepointSource());
        UprobeSource uprobes = new UprobeSource(System.getenv("PATH"), warn);
        m.put("uprobe", uprobes);
        m.put("usdt", new UsdtSource(uprobes));
        return m;
    }

    /** Each event's name and alias, both with a trailing colon (the count left open). */
    static List<String> eventNames(List<PerfEventDef> table) {
        List<String> out = new ArrayList<>();
        for (PerfEventDef e : table) {
            out.add(e.name() + ":");
            if (!e.alias().isEmpty()) out.add(e.alias() + ":");
        }
        return out;
    }

    /** Tracepoints from available_events (as bpftrace reads them), arguments from their format files. */
    static final class TracepointSource implements ProbeSource {
        private TracepointCatalog catalog;
        private List<String> names;

        private TracepointCatalog catalog() {
            if (catalog == null) catalog = new TracepointCatalog(Tracefs.root());
            return catalog;
        }

        @Override
        public Collection<String> candidates(String target) {
            if (names == null) {
                Path events = Tracefs.root().resolve("available_events");
                try {
                    names = Files.readAllLines(events, StandardCharsets.ISO_8859_1).stream()
                            .map(String::strip).filter(l -> l.indexOf(':') > 0).toList();
                } catch (IOException e) {
                    names = catalog().list().stream().map(ce -> ce[0] + ":" + ce[1]).toList();
                }
            }
            return names;
        }

        @Override
        public List<String> params(String match) {
            int colon = match.indexOf(':');
            String category = match.substring(0, colon), event = match.substring(colon + 1);
            try {
                return catalog().format(category, event).args().stream().map(TracepointFormat.Field::declaration).toList();
            } catch (TracepointNotFoundException e) {
                return List.of();
            }
        }
    }

    /** Raw tracepoints from the kernel's BTF; none (with a warning) when it cannot be read. */
    static final class RawTracepointSource implements ProbeSource {
        private final Consumer<String> warn;
        private RawTracepoints rawTracepoints;
        private boolean failed;

        RawTracepointSource(Consumer<String> warn) {
            this.warn = warn;
        }

        private RawTracepoints load() {
            if (rawTracepoints == null && !failed) {
                try {
                    rawTracepoints = KernelBtf.rawTracepoints();
                } catch (BtfFormatException e) {
                    failed = true;
                    warn.accept(e.getMessage() + "; raw tracepoints are not listed");
                }
            }
            return rawTracepoints;
        }

        @Override
        public Collection<String> candidates(String target) {
            RawTracepoints rt = load();
            return rt == null ? List.of() : rt.names();
        }

        @Override
        public List<String> params(String match) {
            RawTracepoints rt = load();
            return rt == null ? List.of() : rt.params(match.substring(match.indexOf(':') + 1));
        }
    }
}
