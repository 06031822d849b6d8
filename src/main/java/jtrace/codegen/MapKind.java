package jtrace.codegen;

/** The kinds of kernel map code generation asks for; the loader maps them to BPF_MAP_TYPE_*. */
public enum MapKind { HASH, PERCPU_HASH, ARRAY, PERCPU_ARRAY, RINGBUF, STACK_TRACE }
