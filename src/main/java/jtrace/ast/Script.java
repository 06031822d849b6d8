package jtrace.ast;

/** A whole source file: its preamble and its probes. */
public record Script(Preamble preamble, Program program) {}
