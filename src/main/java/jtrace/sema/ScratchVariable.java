package jtrace.sema;

/**
 * One scratch variable: a name bound in one block scope. Sibling blocks may bind the same name to
 * different variables (of different types); {@code id} tells them apart within a probe.
 */
public record ScratchVariable(String name, int id) {}
