package jtrace.cli;

import jtrace.codegen.CompiledProgram;
import jtrace.runtime.EarlyRingBuffer;
import jtrace.runtime.Tracer;
import jtrace.sema.MissingProbes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One tracing run as the command line shaped it: output to stdout or -o FILE, buffered as -B
 * says; the -c child let go once probes are live; the run ended when the child or the -p process exits.
 */
final class TraceRun {
    private TraceRun() {}

    static int run(Options opts, CompiledProgram compiled, boolean printMapsOnExit, MissingProbes.Mode missingProbes, ChildCommand child,
                   ProcessHandle traced, EarlyRingBuffer early, PrintStream stdout, PrintStream err) {
        OutputStream target;
        try {
            target = opts.outputFile() == null ? stdout : OutputFile.open(Path.of(opts.outputFile()));
        } catch (IOException e) {
            err.println("ERROR: Failed to open output file: \"" + opts.outputFile() + "\": " + OutputFile.reason(e));
            return 1;
        }
        ModeBufferedStream buffered = new ModeBufferedStream(target, opts.buffering());
        PrintStream out = new PrintStream(buffered, false, StandardCharsets.ISO_8859_1);
        Runnable onStarted = child == null ? null : child::resume;
        Tracer tracer = new Tracer(compiled, new Tracer.Options(opts.quiet(), System.getenv(Main.NOTIFY_ENV) != null,
                Main.output(opts.format(), out, err), stdout, opts.verbose() ? err : null, onStarted, printMapsOnExit,
                missingProbes, err), early);
        Signals.onInterrupt(tracer::interrupt);
        if (tracer.hasSelfProbe("USR1")) Signals.onSignal("USR1", () -> tracer.selfSignal("USR1"));
        if (child != null) child.onExit(tracer::interrupt);
        if (traced != null) PidWatch.onExit(traced, tracer::interrupt);
        try {
            return tracer.run();
        } finally {
            out.flush();
            try {
                if (opts.outputFile() != null) buffered.close();
                else buffered.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (child != null && opts.verbose()) {
                child.close();
                String how = child.exitDescription();
                if (how != null) err.println(how);
            }
        }
    }
}
