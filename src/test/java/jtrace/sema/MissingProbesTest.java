package jtrace.sema;

import jtrace.diag.CompileError;
import jtrace.diag.DiagnosticPrinter;
import jtrace.diag.SourceFile;
import jtrace.parse.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** missing_probes applied to tracepoints and uprobe functions that do not exist, and to wildcards matching nothing. */
class MissingProbesTest {
    private static final String HINT = "If this is expected, set the 'missing_probes' config variable to 'warn' or 'ignore'.";

    private static CheckedProgram analyze(String text) {
        SourceFile src = new SourceFile("stdin", text);
        return new SemanticAnalyzer(new FakeTracepoints(), ConfigBlock.apply(Parser.parseScript(src).preamble().config(),
                java.util.Map.of(), CompileOptions.defaults())).analyze(src, Parser.parseScript(src));
    }

    @ParameterizedTest
    @CsvSource({"error, ERROR", "warn, WARN", "ignore, IGNORE", "WARN, WARN", "Ignore, IGNORE", "'', ERROR", "bogus, ERROR"})
    void modeOfAConfigValue(String value, MissingProbes.Mode mode) {
        assertEquals(mode, MissingProbes.mode(value));
    }

    @Test
    void missingTracepointIsAnErrorWithBpftracesHint() {
        String text = "tracepoint:syscalls:sys_nope { }";
        SourceFile src = new SourceFile("stdin", text);
        CompileError e = assertThrows(CompileError.class, () -> analyze(text));
        assertEquals("stdin:1:1-29: ERROR: Tracepoint not found: syscalls:sys_nope\n" + text + "\n" + "~".repeat(28) + "\n"
                + "HINT: " + HINT + "\n", DiagnosticPrinter.error(src, e.span(), e.getMessage()));
    }

    @Test
    void syscallCategoryHintIsJoinedToTheConfigHintAsBpftraceDoes() {
        CompileError e = assertThrows(CompileError.class, () -> analyze("tracepoint:syscall:sys_enter_read { }"));
        assertEquals("Tracepoint not found: syscall:sys_enter_read\nHINT: Did you mean syscalls:sys_enter_read?" + HINT, e.getMessage());
    }

    @Test
    void warnDropsTheAttachPointWithALocatedWarningAndTheSkip() {
        String text = "config = { missing_probes = warn } t:syscalls:sys_nope, t:syscalls:sys_enter_read { }";
        CheckedProgram p = analyze(text);
        assertEquals(1, p.probes().size());
        assertEquals(List.of("stdin:1:36-55: WARNING: Tracepoint not found: syscalls:sys_nope\n" + text + "\n"
                        + " ".repeat(35) + "~".repeat(19) + "\n",
                "WARNING: Unable to attach probe: tracepoint:syscalls:sys_nope. Skipping.\n"), p.locatedWarnings());
    }

    @Test
    void ignoreDropsTheAttachPointSilently() {
        CheckedProgram p = analyze("config = { missing_probes = ignore } BEGIN { } t:syscalls:sys_nope { }");
        assertEquals(1, p.probes().size());
        assertEquals(List.of(), p.locatedWarnings());
    }

    @Test
    void everyProbeMissingUnderWarnFailsAsAttachmentDoes() {
        MissingProbeError e = assertThrows(MissingProbeError.class,
                () -> analyze("config = { missing_probes = warn } t:syscalls:sys_nope { }"));
        assertEquals(false, e.toStdout());
        assertEquals(true, e.getMessage().endsWith("WARNING: Unable to attach probe: tracepoint:syscalls:sys_nope. Skipping.\n"
                + "ERROR: Attachment failed for all probes.\n"), e.getMessage());
    }

    @Test
    void everyProbeMissingUnderIgnoreStillFails() {
        MissingProbeError e = assertThrows(MissingProbeError.class,
                () -> analyze("config = { missing_probes = ignore } t:syscalls:sys_nope { }"));
        assertEquals("ERROR: Attachment failed for all probes.\n", e.getMessage());
    }

    @Test
    void wildcardMatchingNothingAddsNoProbe() {
        assertEquals(1, analyze("BEGIN { } t:syscalls:sys_nope_* { }").probes().size());
        MissingProbeError e = assertThrows(MissingProbeError.class, () -> analyze("t:syscalls:sys_nope_* { }"));
        assertEquals("No probes to attach\n", e.getMessage());
        assertEquals(true, e.toStdout());
    }

    @Test
    void missingUprobeFunctionFailsAsBpftraceDoesWhenAttaching() {
        MissingProbeError e = assertThrows(MissingProbeError.class, () -> analyze("uprobe:/bin/sh:no_such_fn { }"));
        String path = java.nio.file.Path.of("/bin/sh").toString();
        assertEquals("ERROR: Could not resolve symbol: " + path + ":no_such_fn\n"
                + "ERROR: Unable to attach probe: uprobe:" + path + ":no_such_fn. If this is expected, set the "
                + "'missing_probes' config variable to 'warn'.\n", e.getMessage());
    }

    @Test
    void missingUprobeFunctionUnderWarn() {
        CheckedProgram p = analyze("config = { missing_probes = warn } BEGIN { } uprobe:/bin/sh:no_such_fn { }");
        assertEquals(List.of("WARNING: Could not resolve symbol: /bin/sh:no_such_fn\n",
                "WARNING: Unable to attach probe: uprobe:/bin/sh:no_such_fn. Skipping.\n"), p.locatedWarnings());
    }

    @Test
    void configValuesWithMethodsChangeOneSetting() {
        ConfigValues c = ConfigValues.DEFAULTS.withMissingProbes("warn").withStackMode("perf").withLicense("Dual BSD/GPL")
                .withStrTruncTrailer("").withPrintMapsOnExit(false).withUnstableMapDecl("enable");
        assertEquals(new ConfigValues("perf", "", false, "warn", "Dual BSD/GPL", "enable"), c);
    }
}
