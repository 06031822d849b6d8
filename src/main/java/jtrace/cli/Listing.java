package jtrace.cli;

import jtrace.ast.AttachPoint;
import jtrace.ast.Probe;
import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import jtrace.parse.ImportedFileError;
import jtrace.parse.Parser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code -l} and {@code -lv}: the probes this kernel offers that match a pattern, or that a
 * program ({@code -l -e 'program'}) would attach to. Output and exit status follow bpftrace: no
 * match prints nothing and succeeds.
 */
final class Listing {
    private Listing() {}

    static int list(Options opts, PrintStream out, PrintStream err) {
        ProbeLister lister = new ProbeLister(ProbeSources.all(w -> err.println("WARNING: " + w)), opts.listVerbose(),
                s -> Files.exists(Path.of(s)));
        String pattern = opts.listPattern();
        SourceFile program = null;
        try {
            if (opts.programText() != null) program = new SourceFile("stdin", opts.programText());
            else if (pattern != null && Files.isRegularFile(Path.of(pattern)) && pattern.indexOf(':') < 0) {
                program = new SourceFile(pattern, Files.readString(Path.of(pattern), StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            program = null;
        }
        if (program != null) return listProgram(lister, program, out, err);
        if (pattern != null && pattern.contains(".") && pattern.indexOf(':') < 0 && pattern.indexOf('*') < 0) {
            err.println("WARNING: It appears that '" + pattern + "' is a filename but the file does not exist. "
                    + "Treating '" + pattern + "' as a search pattern.");
        }
        List<String> lines = lister.list(pattern);
        for (String line : lines) out.println(line);
        out.flush();
        UnlistedTypes unlisted = UnlistedTypes.ofThisMachine();
        String type = UnlistedTypes.typeOf(pattern);
        if (type == null && lines.stream().anyMatch(l -> l.startsWith("hardware:"))) type = "hardware";
        if (type != null) unlisted.note(type).ifPresent(n -> err.println("NOTE: " + n));
        return 0;
    }

    private static int listProgram(ProbeLister lister, SourceFile source, PrintStream out, PrintStream err) {
        List<Probe> probes;
        try {
            probes = Parser.parseScript(source).program().probes();
        } catch (CompileError | ImportedFileError e) {
            ScriptErrors.print(err, source, e);
            return 1;
        }
        for (Probe probe : probes) {
            for (AttachPoint ap : probe.attachPoints()) {
                for (String line : lister.listAttachPoint(ap.parts())) out.println(line);
            }
        }
        out.flush();
        return 0;
    }
}
