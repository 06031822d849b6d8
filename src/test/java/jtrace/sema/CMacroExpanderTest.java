package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.ast.Program;
import jtrace.ast.Script;
import jtrace.ast.Stmt;
import jtrace.cpp.Preprocessed;
import jtrace.cpp.Preprocessor;
import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import jtrace.diag.Span;
import jtrace.parse.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CMacroExpanderTest {
    private static Program expand(String text) {
        Script s = Parser.parseScript(new SourceFile("stdin", text));
        Preprocessed cpp = Preprocessor.run(s.preamble().cDefinitions(), new Preprocessor.Options(List.of(), List.of(), true));
        return CMacroExpander.expand(s.program(), cpp);
    }

    private static Expr firstArg(Program p) {
        Stmt.ExprStmt s = (Stmt.ExprStmt) p.probes().getFirst().body().stmts().getFirst();
        return ((Expr.Call) s.expr()).args().get(1);
    }

    @Test
    void nestedMacrosBecomeOneExpressionAtTheIdentifiersSpan() {
        String text = "#define A (B + 1)\n#define B 2 * C\n#define C 3\nBEGIN { printf(\"%d\", A); }";
        Expr e = firstArg(expand(text));
        int at = text.lastIndexOf('A');
        Expr.Binary sum = assertInstanceOf(Expr.Binary.class, e);
        assertEquals(new Span(at, at + 1), sum.span());
        Expr.Binary product = assertInstanceOf(Expr.Binary.class, sum.left());
        assertEquals(3, ((Expr.IntLit) product.right()).value());
        assertEquals(new Span(at, at + 1), product.right().span());
    }

    @Test
    void selfReferenceStopsAndBuiltinsAndUnknownNamesStay() {
        assertEquals(new Expr.Ident("X", new Span(25, 26)).name(),
                ((Expr.Ident) firstArg(expand("#define X X\nBEGIN { printf(\"%d\", X); }"))).name());
        assertInstanceOf(Expr.Ident.class, firstArg(expand("#define pid 7\nBEGIN { printf(\"%d\", pid); }")));
        assertInstanceOf(Expr.Ident.class, firstArg(expand("#define Q 7\nBEGIN { printf(\"%d\", NOT_A_MACRO); }")));
    }

    @Test
    void predicatesAndStringsExpand() {
        Program p = expand("#define LIMIT 10\n#define S \"x\"\ni:s:1 /LIMIT > 5/ { printf(\"%s\", S); }");
        assertEquals(10, ((Expr.IntLit) ((Expr.Binary) p.probes().getFirst().predicate()).left()).value());
        assertEquals("x", ((Expr.StrLit) firstArg(p)).value());
    }

    @Test
    void unparsableAndFunctionLikeMacrosAreErrorsAtTheIdentifier() {
        String text = "#define BAD struct {\nBEGIN { printf(\"%d\", BAD); }";
        CompileError e = assertThrows(CompileError.class, () -> expand(text));
        assertEquals("unable to expand macro as an expression: struct {", e.getMessage());
        assertEquals(text.lastIndexOf("BAD"), e.span().start());
        CompileError f = assertThrows(CompileError.class, () -> expand("#define F(a) a\nBEGIN { printf(\"%d\", F); }"));
        assertEquals("unable to expand macro as an expression: F is a function-like macro (F(a) a)", f.getMessage());
    }

    @Test
    void scriptsWithoutDirectivesAreUntouched() {
        Script s = Parser.parseScript(new SourceFile("stdin", "struct s { int a; }\nBEGIN { printf(\"%d\", X); }"));
        Preprocessor.Options o = new Preprocessor.Options(List.of(), List.of(), true);
        assertFalse(Preprocessor.needed(s.preamble().cDefinitions(), o));
        Preprocessed cpp = Preprocessor.run(s.preamble().cDefinitions(), o);
        assertSame(s.program(), CMacroExpander.expand(s.program(), cpp));
        assertEquals(s.preamble().cDefinitions(), cpp.definitions());
    }
}
