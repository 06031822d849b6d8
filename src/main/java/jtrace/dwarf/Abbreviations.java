package jtrace.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One abbreviation table of .debug_abbrev: code → tag, children flag, attribute specs. */
final class Abbreviations {
    record Spec(int attribute, int form, long implicitConst) {}

    record Abbrev(int tag, boolean hasChildren, List<Spec> specs) {}

    private final Map<Long, Abbrev> byCode = new HashMap<>();

    private Abbreviations() {}

    static Abbreviations read(SectionReader r, long offset) throws DwarfFormatException {
        Abbreviations table = new Abbreviations();
        r.seek(offset);
        while (true) {
            long code = r.uleb();
            if (code == 0) return table;
            int tag = (int) r.uleb();
            boolean children = r.u8() != 0;
            List<Spec> specs = new ArrayList<>();
            while (true) {
                int attribute = (int) r.uleb();
                int form = (int) r.uleb();
                if (attribute == 0 && form == 0) break;
                long implicit = form == Dw.DW_FORM_implicit_const ? r.sleb() : 0;
                specs.add(new Spec(attribute, form, implicit));
            }
            table.byCode.put(code, new Abbrev(tag, children, List.copyOf(specs)));
        }
    }

    Abbrev get(long code) throws DwarfFormatException {
        Abbrev a = byCode.get(code);
        if (a == null) throw new DwarfFormatException("unknown abbreviation code " + code);
        return a;
    }
}
