package jtrace.cli;

import jtrace.asm.Assembler;
import jtrace.asm.Disassembler;
import jtrace.ast.Script;
import jtrace.codegen.CodeGenerator;
import jtrace.codegen.CompiledProbe;
import jtrace.codegen.CompiledProgram;
import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import jtrace.load.VerifierRejection;
import jtrace.parse.ImportedFileError;
import jtrace.parse.ParsedScript;
import jtrace.parse.Parser;
import jtrace.runtime.EarlyRingBuffer;
import jtrace.runtime.JsonOutput;
import jtrace.runtime.Output;
import jtrace.runtime.PhaseTimer;
import jtrace.runtime.TextOutput;
import jtrace.runtime.Tracer;
import jtrace.sema.CheckedProgram;
import jtrace.sema.CompileOptions;
import jtrace.sema.ConfigBlock;
import jtrace.sema.MissingProbeError;
import jtrace.sema.MissingProbes;
import jtrace.sema.MacroExpander;
import jtrace.sema.CMacroExpander;
import jtrace.cpp.Preprocessed;
import jtrace.cpp.Preprocessor;
import jtrace.ast.Preamble;
import jtrace.ast.Program;
import jtrace.sema.NamedParams;
import jtrace.sema.SemanticAnalyzer;
import jtrace.sys.Cpus;
import jtrace.sys.KernelClock;
import jtrace.sys.KernelErrors;
import jtrace.sys.SysException;
import jtrace.tracefs.TracefsException;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** The jtrace command: parse options, compile, then list, dump or run. */
public final class Main {
    static final String VERSION = "jtrace v0.1.0";
    static final String NOTIFY_ENV = "__BPFTRACE_NOTIFY_PROBES_ATTACHED";

    private Main() {}

    public static void main(String[] args) {
        PhaseTimer.mark("jvm");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.ISO_8859_1);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.ISO_8859_1);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        PhaseTimer.mark("done");
        exit(status);
    }

    /**
     * Ends the JVM. System.exit first looks up a System.Logger to log the exit (a service-loader scan
     * of a few milliseconds); halt does not, but skips shutdown hooks, so it is used only when jtrace
     * registered none (the -c child's clean-up is one).
     */
    private static void exit(int status) {
        System.out.flush();
        System.err.flush();
        if (ChildCommand.shutdownHookRegistered()) System.exit(status);
        Runtime.getRuntime().halt(status);
    }

    /** Runs jtrace with the given arguments; returns the process exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options opts;
        try {
            opts = Options.parse(args);
        } catch (Options.UsageException e) {
            err.println("ERROR: " + e.getMessage());
            if (e.showUsage()) err.print(Options.USAGE);
            return 1;
        }
        if (opts.help()) {
            out.print(Options.USAGE);
            return 0;
        }
        if (opts.version()) {
            out.println(VERSION);
            return 0;
        }
        // The first native call costs tens of milliseconds to set up, the output ring a few more:
        // both are done meanwhile, while compiling.
        try (EarlyRingBuffer early = opts.list() || opts.dump() ? null : EarlyRingBuffer.start(Main::defaultRingBytes)) {
            return execute(opts, out, err, early);
        } catch (CompileError e) {
            throw new IllegalStateException("compile error outside compilation", e);
        } catch (VerifierRejection e) {
            err.print(VerifierMessage.format(e));
            return 1;
        } catch (Tracer.ProbeAttachException e) {
            // bpftrace: why, then which probe and how to go on without it.
            err.println("ERROR: " + stripPrefix(KernelErrors.explain(e.getCause())));
            err.println(MissingProbes.failed(e.probe()));
            if (opts.debug()) e.getCause().printStackTrace(err);
            return 1;
        } catch (Tracer.AttachmentFailedException e) {
            err.println("ERROR: " + e.getMessage());
            return 1;
        } catch (SysException e) {
            err.println("ERROR: " + stripPrefix(KernelErrors.explain(e)));
            if (opts.debug()) e.printStackTrace(err);
            return 1;
        } catch (TracefsException e) {
            err.println("ERROR: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("ERROR: internal error: " + e);
            if (opts.debug()) e.printStackTrace(err);
            else err.println("(run with --debug for details)");
            return 1;
        }
    }

    /** The output ring's size unless a config block changes it: from the environment's perf_rb_pages. */
    private static int defaultRingBytes() {
        int pages = CompileOptions.fromEnvironment(System.getenv(), List.of()).perfRbPages();
        return CompiledProgram.ringBufferBytes(pages, Cpus.possible().size());
    }

    private static int execute(Options opts, PrintStream out, PrintStream err, EarlyRingBuffer early) {
        if (opts.list()) return Listing.list(opts, out, err);
        SourceFile source;
        try {
            source = opts.programText() != null
                    ? new SourceFile("stdin", opts.programText())
                    : readFile(opts.programFile());
        } catch (IOException e) {
            err.println("ERROR: failed to open file '" + opts.programFile() + "': "
                    + (e instanceof NoSuchFileException ? "No such file or directory" : e.getMessage()));
            return 1;
        }
        CompileOptions compileOptions;
        try {
            compileOptions = CompileOptions.fromEnvironment(System.getenv(), NamedParams.positional(opts.positional()))
                    .withNamedParams(NamedParams.named(opts.positional()))
                    .withUnsafe(opts.unsafe());
        } catch (IllegalArgumentException e) {
            err.println("ERROR: " + e.getMessage());
            return 1;
        }
        if (!opts.dump()) {
            String missing = Privileges.missing();
            if (missing != null) {
                err.println("ERROR: " + missing);
                return 1;
            }
        }
        ProcessHandle traced;
        ChildCommand child;
        try {
            traced = opts.pid() == null ? null : PidWatch.find(opts.pid());
            child = opts.command() == null || opts.dump() ? null : startChild(opts.command());
        } catch (ProcessSetupException e) {
            err.println("ERROR: " + e.getMessage());
            return 1;
        }
        try (child) {
            return compileAndRun(opts, source, compileOptions.withProcesses(
                    child != null ? OptionalLong.of(child.pid()) : opts.command() != null ? OptionalLong.of(0) : OptionalLong.empty(),
                    traced != null ? OptionalLong.of(traced.pid()) : OptionalLong.empty()), child, traced, early, out, err);
        }
    }

    private static ChildCommand startChild(String command) throws ProcessSetupException {
        try {
            return ChildCommand.startStopped(command);
        } catch (ProcessSetupException e) {
            throw new ProcessSetupException("Failed to fork child: " + e.getMessage());
        }
    }

    private static int compileAndRun(Options opts, SourceFile source, CompileOptions compileOptions, ChildCommand child,
                                     ProcessHandle traced, EarlyRingBuffer early, PrintStream out, PrintStream err) {
        CompiledProgram compiled;
        // With imports, spans index the root and the imported files laid out after it.
        SourceFile whole = source;
        boolean printMapsOnExit;
        MissingProbes.Mode missingProbes;
        Preprocessed cpp = Preprocessed.none(List.of());
        try {
            ParsedScript parsed = Parser.parseWithImports(source);
            whole = parsed.source();
            Script script = parsed.script();
            PhaseTimer.mark("parse");
            CompileOptions configured = ConfigBlock.apply(script.preamble().config(), System.getenv(), compileOptions);
            printMapsOnExit = configured.config().printMapsOnExit();
            missingProbes = MissingProbes.mode(configured.config().missingProbes());
            cpp = preprocess(script, opts);
            Program program = CMacroExpander.expand(MacroExpander.expand(whole, script), cpp);
            Script expanded = new Script(new Preamble(cpp.definitions(), script.preamble().config(), script.preamble().macros(),
                    script.preamble().mapDecls()), program);
            for (String warning : cpp.warnings()) err.println("WARNING: " + warning);
            CheckedProgram checked = new SemanticAnalyzer(new TracefsTracepoints(), configured).analyze(whole, expanded, cpp.headerStructs());
            for (String warning : checked.warnings()) err.println("WARNING: " + warning);
            for (String warning : checked.locatedWarnings()) err.print(warning);
            PhaseTimer.mark("sema");
            compiled = CodeGenerator.generate(checked, KernelClock.bootNanos(), Cpus.possible().size());
            PhaseTimer.mark("codegen");
        } catch (CompileError e) {
            ScriptErrors.print(err, whole, CMacroExpander.explain(e, cpp));
            return 1;
        } catch (ImportedFileError e) {
            ScriptErrors.print(err, whole, e);
            return 1;
        } catch (MissingProbeError e) {
            (e.toStdout() ? out : err).print(e.getMessage());
            return 1;
        }
        if (opts.dump()) {
            dump(compiled, out);
            return 0;
        }
        if (output(opts.format(), out, err) == null) {
            err.println("ERROR: Invalid output format \"" + opts.format() + "\"\nValid formats: 'text', 'json'");
            if (child != null) child.close();
            return 1;
        }
        return TraceRun.run(opts, compiled, printMapsOnExit, missingProbes, child, traced, early, out, err);
    }

    /** The C part of the script run through the preprocessor; nothing is read unless it has directives or --include. */
    private static Preprocessed preprocess(Script script, Options opts) {
        List<Preamble.CDefinition> defs = script.preamble().cDefinitions();
        Preprocessor.Options o = new Preprocessor.Options(opts.includeDirs(), opts.includeFiles(), false);
        if (!Preprocessor.needed(defs, o)) return Preprocessed.none(defs);
        return Preprocessor.run(defs, Preprocessor.Options.of(opts.includeDirs(), opts.includeFiles()));
    }

    /** -f's formats; null for an unknown one, which bpftrace rejects only once the program compiled. */
    static Output output(String format, PrintStream out, PrintStream err) {
        return switch (format) {
            case "text" -> new TextOutput(out, err);
            case "json" -> new JsonOutput(out);
            default -> null;
        };
    }

    private static SourceFile readFile(String path) throws IOException {
        String text = path.equals("-")
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(path), StandardCharsets.UTF_8);
        return new SourceFile(path.equals("-") ? "stdin" : path, text);
    }

    /** Prints each probe's program as the verifier would list it, without loading anything. */
    private static void dump(CompiledProgram compiled, PrintStream out) {
        List<CompiledProbe> probes = compiled.probes();
        for (int i = 0; i < probes.size(); i++) {
            if (i > 0) out.println();
            out.println("; " + probes.get(i).name());
            for (String line : Disassembler.disassemble(Assembler.assemble(probes.get(i).insns()))) out.println(line);
        }
    }

    static String stripPrefix(String message) {
        return message.startsWith("jtrace: ") ? message.substring("jtrace: ".length()) : message;
    }
}
