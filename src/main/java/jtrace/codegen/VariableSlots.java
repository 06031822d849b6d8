package jtrace.codegen;

import jtrace.asm.Reg;
import jtrace.ast.Expr;
import jtrace.sema.CheckedProbe;
import jtrace.types.Type;

/** The scratch variables' stack slots: placed once per probe, zeroed as their scopes start. */
final class VariableSlots {
    private final CheckedProbe probe;
    private final Emitter e;
    private final VariableLayout variables;
    /** R10 offset of the top of the scratch variables' area. */
    private final int variablesTop;

    /**
     * Scratch variables get fixed slots, zeroed so every path the verifier walks reads initialised
     * stack; a slot shared with an earlier scope's variable is zeroed again as its scope starts.
     */
    VariableSlots(CheckedProbe probe, Emitter e, Frame frame) {
        this.probe = probe;
        this.e = e;
        this.variables = VariableLayout.of(probe.scratch());
        variablesTop = variables.size() == 0 ? -frame.mark() : frame.alloc(variables.size()) + variables.size();
        int cleared = 0;
        for (jtrace.sema.ScratchVariable v : variables.variables()) {
            VariableLayout.Slot s = variables.slot(v);
            int end = s.position() + s.size();
            if (end > cleared) e.clear(Reg.R10, variablesTop - end, end - Math.max(cleared, s.position()));
            cleared = Math.max(cleared, end);
        }
    }

    /** The R10 offset of the slot of the variable {@code $name} refers to here. */
    int slot(Expr.Variable v) {
        VariableLayout.Slot s = variables.slot(probe.scratch().of(v));
        return variablesTop - s.position() - s.size();
    }

    Type type(Expr.Variable v) { return probe.scratch().typeOf(probe.scratch().of(v)); }

    /** Zeroes the slots of the scope's variables that share storage with an earlier scope's. */
    void enterScope(Object owner) {
        for (jtrace.sema.ScratchVariable v : variables.ownedBy(owner)) {
            VariableLayout.Slot s = variables.slot(v);
            if (s.reused()) e.clear(Reg.R10, variablesTop - s.position() - s.size(), s.size());
        }
    }
}
