package jtrace.parse;

import jtrace.ast.Script;
import jtrace.diag.SourceFile;

/**
 * A script with its imports merged in, and the source its spans index: the root file with every
 * imported file laid out after it ({@link SourceFile#parts()}), so later errors name the right file.
 */
public record ParsedScript(SourceFile source, Script script) {}
