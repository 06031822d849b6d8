package jtrace.parse;

import jtrace.diag.Span;

/** {@code import "name";} at the top level of a script; the span covers the whole statement. */
record ImportStatement(String name, Span span) {}
