package jtrace.codegen;

import jtrace.sema.ScratchVariable;
import jtrace.sema.ScratchVariables;
import jtrace.sema.VariableScope;
import jtrace.types.TupleLayout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a probe's scratch variables live: one area of the frame, a slot per variable. A scope's
 * variables come after those of the scopes around it, and sibling scopes (the two branches of an
 * if, two blocks in a row), which never live at the same time, start at the same place and so
 * share storage. A variable placed over bytes an earlier one used is {@link Slot#reused()}: it is
 * zeroed again when its scope is entered, as stale bytes would show in map keys and strings.
 */
final class VariableLayout {
    /** {@code position}: bytes from the top of the area to the slot's top; {@code size} in whole words. */
    record Slot(int position, int size, boolean reused) {}

    private final Map<ScratchVariable, Slot> slots = new HashMap<>();
    private final List<ScratchVariable> order = new ArrayList<>();
    private final IdentityHashMap<Object, List<ScratchVariable>> byOwner = new IdentityHashMap<>();
    private int extent;

    private VariableLayout() {}

    static VariableLayout of(ScratchVariables vars) {
        VariableLayout layout = new VariableLayout();
        layout.place(vars.root(), 0, vars);
        return layout;
    }

    private void place(VariableScope scope, int depth, ScratchVariables vars) {
        byOwner.computeIfAbsent(scope.owner(), o -> new ArrayList<>()).addAll(scope.variables());
        for (ScratchVariable v : scope.variables()) {
            int size = TupleLayout.slotSize(vars.typeOf(v));
            slots.put(v, new Slot(depth, size, depth < extent));
            order.add(v);
            depth += size;
            extent = Math.max(extent, depth);
        }
        for (VariableScope child : scope.children()) place(child, depth, vars);
    }

    /** Bytes the area needs: the deepest chain of nested scopes. */
    int size() { return extent; }

    Slot slot(ScratchVariable v) {
        Slot s = slots.get(v);
        if (s == null) throw new IllegalStateException("no slot for $" + v.name());
        return s;
    }

    /** The variables in placement order (outer scopes first, siblings in source order). */
    List<ScratchVariable> variables() { return order; }

    /** The variables whose scope is that of {@code owner} (a block or a for statement). */
    List<ScratchVariable> ownedBy(Object owner) { return byOwner.getOrDefault(owner, List.of()); }
}
