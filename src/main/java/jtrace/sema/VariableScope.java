package jtrace.sema;

import java.util.ArrayList;
import java.util.List;

/**
 * A block scope of a checked probe and the scratch variables that belong to it, with the scopes
 * nested in it in source order. The owner is the {@link jtrace.ast.Block} of the scope, or the
 * {@code for} statement whose loop variable lives in a scope around its body. Codegen lays out
 * stack slots from this tree: scopes that never live at the same time may share storage.
 */
public record VariableScope(Object owner, List<ScratchVariable> variables, List<VariableScope> children) {
    VariableScope(Object owner) {
        this(owner, new ArrayList<>(), new ArrayList<>());
    }
}
