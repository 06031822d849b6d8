package jtrace.sema;

import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.types.Type;

/** Type names as written in casts and declarations. */
public final class TypeNames {
    private TypeNames() {}

    public static Type parse(String name, Span span, CompileOptions options) {
        String n = name.trim();
        return switch (n) {
            case "int8" -> new Type.Int(1, true);
            case "int16" -> new Type.Int(2, true);
            case "int32" -> Type.Int.INT32;
            case "int64" -> Type.Int.INT64;
            case "uint8" -> new Type.Int(1, false);
            case "uint16" -> new Type.Int(2, false);
            case "uint32" -> Type.Int.UINT32;
            case "uint64" -> Type.Int.UINT64;
            case "bool" -> new Type.Bool();
            case "string" -> new Type.Str(options.maxStrlen());
            default -> throw new CompileError(span, "Unknown type: " + n);
        };
    }
}
