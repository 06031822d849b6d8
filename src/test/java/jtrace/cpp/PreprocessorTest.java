package jtrace.cpp;

import jtrace.ast.Preamble;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PreprocessorTest {
    /** The script's directive lines as the parser hands them over: one CDefinition per line, spans into {@code text}. */
    static List<Preamble.CDefinition> lines(String text) {
        List<Preamble.CDefinition> out = new ArrayList<>();
        int at = 0;
        for (String l : text.split("\n", -1)) {
            if (!l.isBlank()) out.add(new Preamble.CDefinition(l, new Span(at, at + l.length())));
            at += l.length() + 1;
        }
        return out;
    }

    static Preprocessed run(String text, boolean btf, Path... dirs) {
        List<String> d = new ArrayList<>();
        for (Path p : dirs) d.add(p.toString());
        return Preprocessor.run(lines(text), new Preprocessor.Options(d, List.of(), btf));
    }

    static String value(Preprocessed p, String name) {
        Macro m = p.macro(name);
        return m == null ? null : m.replacement();
    }

    @Test
    void conditionalsAndExpressions() {
        String[][] rows = {
            {"#if 1 + 2 * 3 == 7\n#define R yes\n#endif", "yes"},
            {"#if (1 << 4) > 15 && !0\n#define R yes\n#else\n#define R no\n#endif", "yes"},
            {"#if -1 < 0\n#define R signed\n#endif", "signed"},
            {"#if -1 < 0u\n#define R signed\n#else\n#define R unsigned\n#endif", "unsigned"},
            {"#if 0x10 == 16 && 010 == 8 && 'A' == 65\n#define R ok\n#endif", "ok"},
            {"#if 0\n#define R a\n#elif 1\n#define R b\n#else\n#define R c\n#endif", "b"},
            {"#if 0\n#if 1\n#define R inner\n#endif\n#else\n#define R outer\n#endif", "outer"},
            {"#define A 3\n#if A * 2 == 6 && defined(A) && defined A && !defined B\n#define R yes\n#endif", "yes"},
            {"#if UNDEFINED_NAME == 0\n#define R zero\n#endif", "zero"},
            {"#define V(maj, min) ((maj) << 16 | (min))\n#if V(2, 30) >= V(2, 17)\n#define R new\n#endif", "new"},
            {"#define GLUE(a, b) a ## b\n#define USE_X 1\n#if GLUE(USE_, X)\n#define R pasted\n#endif", "pasted"},
            {"#ifdef __x86_64__\n#define R x86\n#endif", "x86"},
            {"#if __SIZEOF_LONG__ == 8 && __GNUC__ >= 4 && defined __linux__ && __STDC__\n#define R lp64\n#endif", "lp64"},
            {"#if 1 ? 0 : 1\n#define R a\n#else\n#define R b\n#endif", "b"},
            {"#define R 1\n#undef R\n#ifndef R\n#define R gone\n#endif", "gone"},
        };
        for (String[] r : rows) assertEquals(r[1], value(run(r[0], false), "R"), r[0]);
    }

    @Test
    void btfDefinesBpftraceHaveBtf() {
        String s = "#ifndef BPFTRACE_HAVE_BTF\n#include <net/sock.h>\n#else\n#define R btf\n#endif";
        assertEquals("btf", value(run(s, true), "R"));
        assertNull(run("#define X 1", false).macro("BPFTRACE_HAVE_BTF"));
    }

    @Test
    void scriptStructsInsideFalseConditionalsAreDropped() {
        String s = "#ifndef BPFTRACE_HAVE_BTF\nstruct cfs_rq { int x; };\n#endif\n#define LEN 4\nstruct foo { char name[LEN]; };";
        Preprocessed p = run(s, true);
        assertEquals(1, p.definitions().size());
        assertEquals("struct foo { char name[4]; };", p.definitions().getFirst().text());
    }

    @Test
    void nestedMacrosAndSelfReference() {
        Preprocessed p = run("#define A B\n#define B 5\n#define S S", false);
        assertEquals("B", value(p, "A"));
        assertEquals("S", value(p, "S"));
    }

    @Test
    void includeSearchesUserDirsThenGuardsAndPragmaOnce(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("a.h"), "#ifndef A_H\n#define A_H\n#include \"sub/b.h\"\n#define COUNT (COUNT0 + 1)\n#endif\n");
        Files.writeString(dir.resolve("sub/b.h"), "#pragma once\n#ifdef COUNT0\n#error included twice\n#endif\n#define COUNT0 1\nstruct hb { int x; };\n");
        Preprocessed p = run("#include <a.h>\n#include <a.h>\n#include <sub/b.h>", false, dir);
        assertEquals("(COUNT0 + 1)", value(p, "COUNT"));
        assertEquals(List.of(dir.resolve("a.h"), dir.resolve("sub/b.h")), p.headersRead());
        assertEquals("struct hb { int x; };", p.headerStructs().definition("struct hb"));
    }

    @Test
    void includeOptionWithConditionalsAndNoCDefinitions() {
        // --include of a system header with #if groups, for a script without # lines (was a NullPointerException).
        assumeTrue(java.nio.file.Files.exists(Path.of("/usr/include/linux/types.h")));
        // Without BTF, _LINUX_TYPES_H is not predefined: only the header's own #define makes it.
        Preprocessed p = Preprocessor.run(List.of(), new Preprocessor.Options(List.of(), List.of("linux/types.h"), false));
        assertTrue(p.macros().containsKey("_LINUX_TYPES_H"), () -> p.macros().keySet().toString());
    }

    @Test
    void missingHeaderIsAnErrorAtItsNameWithoutBtf() {
        String s = "#define X 1\n#include <no/such_header.h>";
        CompileError e = assertThrows(CompileError.class, () -> run(s, false));
        assertEquals("'no/such_header.h' file not found", e.getMessage());
        int at = s.indexOf("<no/");
        assertEquals(new Span(at, at + "<no/such_header.h>".length()), e.span());
    }

    @Test
    void missingHeaderIsAWarningWithBtf() {
        Preprocessed p = run("#include <net/no_such_sock.h>\n#define X 1", true);
        assertEquals(List.of("net/no_such_sock.h"), p.missingHeaders());
        assertEquals(1, p.warnings().size());
        assertEquals("1", value(p, "X"));
    }

    @Test
    void errorsHaveTheDirectivesSpan() {
        String[][] rows = {
            {"#if 1\n#define X 1", "unterminated conditional directive"},
            {"#endif", "#endif without #if"},
            {"#else", "#else without #if"},
            {"#if 1\n#else\n#else\n#endif", "#else after #else"},
            {"#if 1 +\n#endif", "expected value in expression"},
            {"#if 1 / 0\n#endif", "division by zero in preprocessor expression"},
            {"#error stop here", "#error stop here"},
            {"#frobnicate", "invalid preprocessing directive '#frobnicate'"},
            {"#define F(a, b) a\n#if F(1)\n#endif", "too few arguments provided to function-like macro invocation 'F'"},
            {"#define 3 x", "macro name must be an identifier"},
        };
        for (String[] r : rows) checkError(r[0], r[1]);
    }

    private static void checkError(String s, String message) {
        CompileError e = assertThrows(CompileError.class, () -> run(s, false));
        assertEquals(message, e.getMessage());
        assertTrue(e.span().end() <= s.length() && e.span().start() < e.span().end(), e.span().toString());
    }

    @Test
    void errorInsideAHeaderNamesItsFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.h"), "#define OK 1\n#if OK +\n#endif\n");
        String s = "#include \"bad.h\"";
        CompileError e = assertThrows(CompileError.class, () -> run(s, false, dir));
        assertEquals(dir.resolve("bad.h") + ":2: expected value in expression", e.getMessage());
        assertEquals(new Span(9, 16), e.span());
    }

    @Test
    void sysSocketGivesAddressFamiliesQuickly() {
        assumeTrue(Files.exists(Path.of("/usr/include/x86_64-linux-gnu/sys/socket.h")));
        run("#include <sys/socket.h>", true); // warm up class loading
        long t0 = System.nanoTime();
        Preprocessed p = run("#include <sys/socket.h>", true);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("PF_INET", value(p, "AF_INET"));
        assertEquals("2", value(p, "PF_INET"));
        assertEquals("10", value(p, "PF_INET6"));
        assertTrue(p.headersRead().size() > 10, p.headersRead().toString());
        assertTrue(p.missingHeaders().isEmpty(), p.missingHeaders().toString());
        assertTrue(ms < 200, ms + " ms");
    }

    @Test
    void agreesWithGccOnGlibcMacros() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/bin/cpp")) && Files.exists(Path.of("/usr/include/x86_64-linux-gnu/sys/socket.h")));
        String names = "__WORDSIZE __GLIBC__ _DEFAULT_SOURCE __USE_MISC __BYTE_ORDER SOL_SOCKET SOMAXCONN __USE_XOPEN2K8 __TIMESIZE";
        Process cpp = new ProcessBuilder("cpp", "-P", "-D_LINUX_TYPES_H", "-DBPFTRACE_HAVE_BTF", "-").redirectErrorStream(true).start();
        cpp.getOutputStream().write(("#include <sys/socket.h>\n#include <stdint.h>\n" + names + "\n").getBytes());
        cpp.getOutputStream().close();
        String[] lines = new String(cpp.getInputStream().readAllBytes()).strip().split("\n");
        String gcc = lines[lines.length - 1].trim();
        Preprocessed p = run("#include <sys/socket.h>\n#include <stdint.h>", true);
        StringBuilder ours = new StringBuilder();
        for (String n : names.split(" ")) ours.append(ours.isEmpty() ? "" : " ").append(expandFully(p, n));
        assertEquals(gcc.replaceAll("\\s+", " "), ours.toString());
    }

    private static String expandFully(Preprocessed p, String name) throws MacroTable.ExpansionException {
        MacroTable t = new MacroTable();
        for (Macro m : p.macros().values()) t.define(m);
        return PpLexer.spell(t.expand(PpLexer.tokens(name))).replace("( ", "(").replace(" )", ")");
    }
}
