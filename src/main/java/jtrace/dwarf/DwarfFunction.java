package jtrace.dwarf;

import jtrace.types.Type;

import java.util.List;

/**
 * A function of a binary as DWARF describes it: its parameters in order and its return type
 * ({@code returnType} null for void or a type jtrace cannot hold; {@code returnTypeName} is
 * {@code void} for void).
 */
public record DwarfFunction(String name, List<DwarfParameter> parameters, Type returnType, String returnTypeName) {
    public DwarfFunction {
        parameters = List.copyOf(parameters);
    }

    /** The parameter called {@code name}, or null. */
    public DwarfParameter parameter(String name) {
        for (DwarfParameter p : parameters) if (p.name().equals(name)) return p;
        return null;
    }
}
