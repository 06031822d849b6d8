package jtrace.ast;

import jtrace.diag.Span;

/**
 * One attach point as written, e.g. {@code tracepoint:syscalls:sys_enter_read}, {@code t:syscalls:*},
 * {@code BEGIN}, {@code interval:s:1}. Its parts are split on ':' by the parser; semantic analysis
 * resolves the provider and expands wildcards.
 */
public record AttachPoint(String raw, java.util.List<String> parts, Span span) {
    public AttachPoint { parts = java.util.List.copyOf(parts); }
}
