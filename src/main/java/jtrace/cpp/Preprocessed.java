package jtrace.cpp;

import jtrace.ast.Preamble;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the preprocessor leaves for the rest of jtrace: the macros defined at the end (the
 * script's and its headers'), the script's own C definitions that survived the conditionals
 * (macros expanded in them), struct definitions found in headers (looked up by name on demand),
 * the headers read, and warnings (headers not found while BTF stands in for them).
 */
public record Preprocessed(Map<String, Macro> macros, List<Preamble.CDefinition> definitions, HeaderStructs headerStructs,
                           List<Path> headersRead, List<String> missingHeaders, List<String> warnings) {
    public Preprocessed {
        macros = Map.copyOf(macros);
        definitions = List.copyOf(definitions);
        headersRead = List.copyOf(headersRead);
        missingHeaders = List.copyOf(missingHeaders);
        warnings = List.copyOf(warnings);
    }

    /** A script without directives: its C definitions as they are, no macros, nothing read. */
    public static Preprocessed none(List<Preamble.CDefinition> definitions) {
        return new Preprocessed(Map.of(), definitions, HeaderStructs.EMPTY, List.of(), List.of(), List.of());
    }

    /** An object-like or function-like macro by name, or null. */
    public Macro macro(String name) { return macros.get(name); }
}
