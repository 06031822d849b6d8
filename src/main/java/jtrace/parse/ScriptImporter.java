package jtrace.parse;

import jtrace.ast.Preamble;
import jtrace.ast.Probe;
import jtrace.ast.Program;
import jtrace.ast.Script;
import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import jtrace.diag.Span;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Follows {@code import "name";} as bpftrace does: the name is looked up relative to the root
 * script's directory (the working directory for {@code -e} and stdin), for nested imports too; a
 * {@code .bt} file is parsed and its C definitions, macros and probes are merged in front of the
 * importer's; a directory imports the {@code .bt} files directly inside it. Each file is imported
 * once; an import that leads back to a file still being imported is an error, as are a config
 * block inside an imported file and C or BPF object imports, which jtrace cannot load.
 * <p>
 * Each imported file is parsed at its own base offset, after the root's text and the files
 * imported before it, so every span of the merged script falls in exactly one file; the
 * returned {@link ParsedScript#source()} maps spans back to their files.
 */
final class ScriptImporter {
    private final SourceFile root;
    private final Path searchDir;
    /** Real paths of files whose import is in progress, innermost first, for cycle detection. */
    private final Deque<Path> active = new ArrayDeque<>();
    private final Set<Path> done = new HashSet<>();
    /** Imported scripts in the order their contents are merged: a file's own imports before it. */
    private final List<Script> imported = new ArrayList<>();
    /** The imported files at their base offsets; the next one starts past the last one's end. */
    private final List<SourceFile.Part> parts = new ArrayList<>();
    private int nextBase;

    private ScriptImporter(SourceFile root) {
        this.root = root;
        Path dir = root.name().equals("stdin") ? null : Path.of(root.name()).getParent();
        this.searchDir = dir == null ? Path.of("") : dir;
        this.nextBase = root.text().length() + 1;
    }

    static ParsedScript load(SourceFile root) throws CompileError {
        // The probes may all come from imports, so only the merged script must have one.
        ParsedFile parsed = Parser.parseFile(root);
        if (parsed.imports().isEmpty()) return new ParsedScript(root, needProbes(root, parsed.script()));
        ScriptImporter importer = new ScriptImporter(root);
        if (!root.name().equals("stdin")) {
            try {
                importer.active.push(Path.of(root.name()).toRealPath());
            } catch (IOException | RuntimeException e) {
                // -e text or a file gone since it was read: nothing can import it back.
            }
        }
        importer.follow(parsed);
        Script merged = needProbes(root, merge(importer.imported, parsed.script()));
        return new ParsedScript(new SourceFile(root.name(), importer.wholeText(root), importer.parts), merged);
    }

    private static Script needProbes(SourceFile root, Script script) {
        if (!script.program().probes().isEmpty()) return script;
        int end = root.text().length();
        throw TokenStream.unexpected(Token.of(TokenKind.EOF, "", new Span(end, end)));
    }

    private void follow(ParsedFile file) {
        for (ImportStatement imp : file.imports()) importName(file, imp);
    }

    private void importName(ParsedFile file, ImportStatement imp) {
        Path path = searchDir.resolve(imp.name());
        if (!Files.exists(path)) {
            throw error(file, imp.span(), "Unable to find suitable path for import (checked: " + path + ")");
        }
        checkPermissions(file, imp, path);
        if (!Files.isDirectory(path)) {
            importPath(file, imp, path, false);
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(path)) {
            entries = list.filter(p -> !Files.isDirectory(p)).sorted().toList();
        } catch (IOException e) {
            throw error(file, imp.span(), "error reading import '\"" + path + "\"': " + reason(e));
        }
        for (Path entry : entries) importPath(file, imp, entry, true);
    }

    private void importPath(ParsedFile file, ImportStatement imp, Path path, boolean fromDirectory) {
        String name = path.getFileName().toString();
        if (name.endsWith(".bt")) {
            importScript(file, imp, path);
        } else if (name.endsWith(".h") || name.endsWith(".bpf.c") || name.endsWith(".bpf.o")) {
            throw error(file, imp.span(), "cannot import \"" + name + "\": jtrace imports only .bt scripts,"
                    + " not C headers, C sources or BPF objects");
        } else if (!fromDirectory) {
            throw error(file, imp.span(), "unknown import type: \"" + name + "\"");
        }
    }

    private void importScript(ParsedFile file, ImportStatement imp, Path path) {
        Path real;
        String text;
        try {
            real = path.toRealPath();
            if (active.contains(real)) throw error(file, imp.span(), "import cycle: " + cycle(real));
            if (done.contains(real)) return;
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw error(file, imp.span(), "error reading import '\"" + path + "\"': " + reason(e));
        }
        SourceFile source = new SourceFile(path.toString(), text);
        SourceFile.Part part = new SourceFile.Part(source, nextBase);
        nextBase += text.length() + 1;
        parts.add(part);
        ParsedFile parsed;
        try {
            parsed = Parser.parseFile(new SourceFile(source.name(), atBase(text, part.base())));
        } catch (CompileError e) {
            throw new ImportedFileError(source, local(part, e.span()), e.getMessage());
        }
        Preamble.Config config = parsed.script().preamble().config();
        if (config != null) throw new ImportedFileError(source, local(part, config.span()), "invalid `config` within import");
        active.push(real);
        follow(parsed);
        active.pop();
        done.add(real);
        imported.add(parsed.script());
    }

    /** bpftrace refuses files others may rewrite: the import itself or the directory holding it. */
    private void checkPermissions(ParsedFile file, ImportStatement imp, Path path) {
        Path parent = path.toAbsolutePath().getParent();
        if (othersWritable(path) || (parent != null && othersWritable(parent))) {
            throw error(file, imp.span(),
                    "cowardly refusing to import from a directory with global write permissions: \"" + path + "\"");
        }
    }

    private static boolean othersWritable(Path p) {
        try {
            return Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private String cycle(Path back) {
        StringBuilder chain = new StringBuilder();
        for (Iterator<Path> it = active.descendingIterator(); it.hasNext(); ) {
            chain.append(it.next().getFileName()).append(" -> ");
        }
        return chain.append(back.getFileName()).toString();
    }

    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "No such file or directory" : String.valueOf(e.getMessage());
    }

    /** Errors at an import statement point into the file that holds it. */
    private RuntimeException error(ParsedFile file, Span span, String message) {
        if (file.source() == root) return new CompileError(span, message);
        for (SourceFile.Part p : parts) {
            if (p.file().name().equals(file.source().name()) && span.start() >= p.base()) {
                SourceFile.Located at = new SourceFile(root.name(), "", parts).locate(span);
                return new ImportedFileError(at.file(), at.span(), message);
            }
        }
        return new ImportedFileError(file.source(), span, message);
    }

    /**
     * The text an imported file is parsed from: blanks up to its base, then the file, so its
     * spans are offsets of the whole. A "#!" first line is blanked too, as the lexer skips it
     * only at offset 0.
     */
    private static String atBase(String text, int base) {
        String body = text;
        if (body.startsWith("#!")) {
            int nl = body.indexOf('\n');
            body = " ".repeat(nl < 0 ? body.length() : nl) + (nl < 0 ? "" : body.substring(nl));
        }
        return " ".repeat(base) + body;
    }

    private static Span local(SourceFile.Part part, Span span) {
        int start = Math.max(0, span.start() - part.base());
        return new Span(start, Math.max(start, span.end() - part.base()));
    }

    /** The root's text, then each imported file at its base (newlines between). */
    private String wholeText(SourceFile root) {
        StringBuilder all = new StringBuilder(root.text());
        for (SourceFile.Part p : parts) {
            while (all.length() < p.base()) all.append('\n');
            all.append(p.file().text());
        }
        return all.toString();
    }

    private static Script merge(List<Script> imported, Script root) {
        List<Preamble.CDefinition> cdefs = new ArrayList<>();
        List<Preamble.Macro> macros = new ArrayList<>();
        List<Preamble.MapDecl> mapDecls = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        for (Script s : imported) {
            cdefs.addAll(s.preamble().cDefinitions());
            macros.addAll(s.preamble().macros());
            mapDecls.addAll(s.preamble().mapDecls());
            probes.addAll(s.program().probes());
        }
        cdefs.addAll(root.preamble().cDefinitions());
        macros.addAll(root.preamble().macros());
        mapDecls.addAll(root.preamble().mapDecls());
        probes.addAll(root.program().probes());
        return new Script(new Preamble(cdefs, root.preamble().config(), macros, mapDecls),
                new Program(probes, root.program().span()));
    }
}
