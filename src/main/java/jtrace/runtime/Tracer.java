package jtrace.runtime;

import jtrace.attach.Attachment;
import jtrace.attach.ProbeAttacher;
import jtrace.attach.TestRunTrigger;
import jtrace.sema.MissingProbes;
import jtrace.sys.KernelErrors;
import jtrace.sys.SysException;
import jtrace.codegen.CompiledProbe;
import jtrace.codegen.CompiledProgram;
import jtrace.codegen.MapDef;
import jtrace.load.BpfMap;
import jtrace.load.BpfProgram;
import jtrace.sema.ProbeTarget;
import jtrace.sys.Cpus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a compiled program: load, attach, begin, deliver events until exit() or a signal, then
 * detach, end, print the maps, and close every kernel object.
 */
public final class Tracer {
    /** How often a waiting loop looks at the lost-event counter. */
    private static final int POLL_MILLIS = 200;

    /**
     * @param verbose   -v: where to describe each loaded program and attachment, or null
     * @param onStarted run once begin has run, every probe being live (starts the -c child), or null
     * @param printMapsOnExit the print_maps_on_exit config variable: print every map at the end
     * @param missingProbes the missing_probes config variable: whether a probe that fails to attach
     *                      stops the run (error) or is skipped, with a warning on {@code err} (warn) or silently
     */
    public record Options(boolean quiet, boolean notifyAttached, Output output, PrintStream notifyStream,
                          PrintStream verbose, Runnable onStarted, boolean printMapsOnExit,
                          MissingProbes.Mode missingProbes, PrintStream err) {
        public Options(boolean quiet, boolean notifyAttached, Output output, PrintStream notifyStream,
                       PrintStream verbose, Runnable onStarted) {
            this(quiet, notifyAttached, output, notifyStream, verbose, onStarted, true, MissingProbes.Mode.ERROR, System.err);
        }

        public Options(boolean quiet, boolean notifyAttached, Output output, PrintStream notifyStream) {
            this(quiet, notifyAttached, output, notifyStream, null, null);
        }
    }

    private final CompiledProgram compiled;
    private final Options options;
    private final EarlyRingBuffer early;
    private final AtomicBoolean stop = new AtomicBoolean();
    private long lostReported;
    private long mapFullReported;

    public Tracer(CompiledProgram compiled, Options options) {
        this(compiled, options, null);
    }

    /** With the output ring made ahead, used when its size fits (the caller still closes {@code early}). */
    public Tracer(CompiledProgram compiled, Options options, EarlyRingBuffer early) {
        this.compiled = compiled;
        this.options = options;
        this.early = early;
    }

    /** Returns the exit status: exit()'s argument, else 0. */
    public int run() {
        Output out = options.output();
        List<Attachment> attachments = new ArrayList<>();
        try (LoadedProgram loaded = LoadedProgram.load(compiled, early);
             RingBufferReader ring = reader(loaded.map(CompiledProgram.RINGBUF))) {
            PhaseTimer.mark("load");
            MapReader reader = new MapReader(Cpus.possible().size(), new Symbolizer(loaded::map));
            wakeOnStop = ring;
            if (stop.get()) ring.wakeup();
            EventHandler events = new EventHandler(loaded, out, reader);
            if (options.verbose() != null) VerboseLog.loaded(loaded, options.verbose());
            try {
                List<CompiledProbe> probes = compiled.probes();
                // As bpftrace: begin runs before the other probes attach, so its output (a tool's
                // header) comes first and the maps it fills are set before any probe fires.
                runEach(loaded, ProbeTarget.Begin.class);
                int skipped = 0;
                for (int i = 0; i < probes.size(); i++) {
                    Attachment a;
                    try {
                        a = ProbeAttacher.attach(probes.get(i).target(), loaded.programs().get(i));
                    } catch (SysException e) {
                        if (options.missingProbes() == MissingProbes.Mode.ERROR) throw new ProbeAttachException(probes.get(i).name(), e);
                        skipAttachment(probes.get(i).name(), e);
                        skipped++;
                        continue;
                    }
                    if (a != null) attachments.add(a);
                    if (options.verbose() != null) options.verbose().println("Attaching " + probes.get(i).name());
                }
                int n = probes.size() - skipped;
                if (n == 0) throw new AttachmentFailedException();
                live = loaded;
                PhaseTimer.mark("attach");
                if (!options.quiet()) out.attachedProbes(n);
                if (options.notifyAttached()) {
                    options.notifyStream().println("__BPFTRACE_NOTIFY_PROBES_ATTACHED");
                    options.notifyStream().flush();
                }
                boolean iterated = IterRunner.runAll(attachments);
                ring.drain(events::handle);
                out.flush();
                PhaseTimer.mark("begin");
                if (options.onStarted() != null) options.onStarted().run();
                boolean onlyBeginEnd = probes.stream().allMatch(p -> p.target() instanceof ProbeTarget.Begin
                        || p.target() instanceof ProbeTarget.End) || iterated;
                while (!onlyBeginEnd && !stop.get() && !events.exitRequested() && !out.broken()) {
                    ring.poll(POLL_MILLIS, events::handle);
                    reportLost(loaded, out);
                    out.flush();
                }
                if (!events.exitRequested()) ring.drain(events::handle);
            } finally {
                live = null;
                for (Attachment a : attachments) a.close();
            }
            // Once exit() was seen, later events are dropped, as bpftrace does; end's are not.
            ring.drain(record -> { });
            EventHandler endEvents = new EventHandler(loaded, out, reader);
            runEach(loaded, ProbeTarget.End.class);
            ring.drain(endEvents::handle);
            reportLost(loaded, out);
            if (options.printMapsOnExit()) {
                List<MapDump> dumps = new ArrayList<>();
                for (MapDef def : compiled.maps()) {
                    if (def.isUserMap()) dumps.add(reader.read(def, loaded.map(def.name())));
                }
                out.exitMaps(dumps);
            }
            out.flush();
            PhaseTimer.mark("end");
            return events.exitRequested() ? events.exitCode() : endEvents.exitCode();
        } finally {
            wakeOnStop = null;
        }
    }

    private RingBufferReader reader(BpfMap ringbuf) {
        RingBufferReader r = early == null ? null : early.takeReader(ringbuf);
        return r != null ? r : new RingBufferReader(ringbuf);
    }

    private volatile RingBufferReader wakeOnStop;

    /** A probe that failed to attach under missing_probes=warn or ignore: bpftrace's two warnings, or nothing. */
    private void skipAttachment(String probe, SysException e) {
        if (options.missingProbes() != MissingProbes.Mode.WARN) return;
        String why = KernelErrors.explain(e);
        if (why.startsWith("jtrace: ")) why = why.substring("jtrace: ".length());
        options.err().println("WARNING: " + why);
        options.err().println("WARNING: " + MissingProbes.skipped(probe));
    }

    /** A probe failed to attach under missing_probes=error: the run stops, naming it. */
    public static final class ProbeAttachException extends RuntimeException {
        private final String probe;

        ProbeAttachException(String probe, SysException cause) {
            super(cause.getMessage(), cause, false, false);
            this.probe = probe;
        }

        public String probe() { return probe; }

        @Override public synchronized SysException getCause() { return (SysException) super.getCause(); }
    }

    /** Every probe failed to attach (each skipped under missing_probes=warn or ignore). */
    public static final class AttachmentFailedException extends RuntimeException {
        AttachmentFailedException() {
            super("Attachment failed for all probes.", null, false, false);
        }
    }

    /** Stops the event loop and wakes a blocked poll; safe to call from a signal handler thread. */
    public void interrupt() {
        stop.set(true);
        RingBufferReader r = wakeOnStop;
        if (r != null) r.wakeup();
    }

    /** The loaded programs while the probes are attached: self probes run only then. */
    private volatile LoadedProgram live;

    /** Whether the program has a {@code self:signal:SIG<signal>} probe (the caller then handles that signal). */
    public boolean hasSelfProbe(String signal) {
        return compiled.probes().stream().anyMatch(p -> p.target() instanceof ProbeTarget.SelfSignal s && s.signal().equals(signal));
    }

    /**
     * Runs the {@code self:signal:SIG<signal>} probes, as bpftrace does when it receives the
     * signal; their events reach the output through the ring buffer like any probe's. A signal
     * before every probe is attached or after tracing has stopped is ignored. Safe to call from a
     * signal handler thread.
     */
    public void selfSignal(String signal) {
        LoadedProgram loaded = live;
        if (loaded == null || stop.get()) return;
        List<CompiledProbe> probes = compiled.probes();
        for (int i = 0; i < probes.size(); i++) {
            if (probes.get(i).target() instanceof ProbeTarget.SelfSignal s && s.signal().equals(signal)) {
                TestRunTrigger.run(loaded.programs().get(i));
            }
        }
    }

    private void runEach(LoadedProgram loaded, Class<? extends ProbeTarget> kind) {
        List<CompiledProbe> probes = compiled.probes();
        for (int i = 0; i < probes.size(); i++) {
            if (kind.isInstance(probes.get(i).target())) {
                BpfProgram p = loaded.programs().get(i);
                TestRunTrigger.run(p);
            }
        }
    }

    /** Reports lost events and dropped map updates counted since the last report. */
    private void reportLost(LoadedProgram loaded, Output out) {
        BpfMap counter = loaded.map(CompiledProgram.LOST_COUNTER);
        long total = counterSum(counter, CompiledProgram.LOST_EVENTS);
        if (total > lostReported) {
            out.lostEvents(total - lostReported);
            lostReported = total;
        }
        long full = counterSum(counter, CompiledProgram.MAP_FULL);
        if (full > mapFullReported) {
            out.mapFull(full - mapFullReported);
            mapFullReported = full;
        }
    }

    /** A slot of the error counter map's single element (shared by every CPU). */
    private static long counterSum(BpfMap counter, int slot) {
        byte[] v = counter.lookup(new byte[4]);
        if (v == null || v.length < (slot + 1) * 8) return 0;
        return ValueDecoder.u64(v, slot * 8);
    }
}
