package jtrace.parse;

import jtrace.ast.Script;
import jtrace.diag.SourceFile;

import java.util.List;

/** One parsed file before its imports are followed. */
record ParsedFile(SourceFile source, Script script, List<ImportStatement> imports) {}
