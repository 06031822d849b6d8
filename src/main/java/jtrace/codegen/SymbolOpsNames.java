package jtrace.codegen;

import jtrace.types.Type;

/** Names of the maps stack values refer to, shared by code generation and the runtime. */
public final class SymbolOpsNames {
    private SymbolOpsNames() {}

    public static String stackMap(Type.Stack s) { return SymbolOps.stackMapName(s); }
}
