package jtrace.dwarf;

import jtrace.elf.ElfFile;
import jtrace.elf.ElfFormatException;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every unit of .debug_info (DWARF 2 to 5, 32- and 64-bit) into trees of {@link Die}s,
 * with strings taken from .debug_str, .debug_line_str and, for the strx forms, .debug_str_offsets.
 */
final class UnitParser {
    private final SectionReader info;
    private final SectionReader abbrev;
    private final SectionReader str;
    private final SectionReader lineStr;
    private final SectionReader strOffsets;
    private final Map<Long, Abbreviations> tables = new HashMap<>();
    private final Map<Long, Die> byOffset = new HashMap<>();

    /** A strx value waiting for its unit's DW_AT_str_offsets_base. */
    private record PendingString(Die die, int attribute, long index) {}

    private UnitParser(ElfFile elf, ByteBuffer info) throws ElfFormatException, DwarfFormatException {
        this.info = new SectionReader(info, ".debug_info");
        this.abbrev = reader(elf, ".debug_abbrev");
        this.str = reader(elf, ".debug_str");
        this.lineStr = reader(elf, ".debug_line_str");
        this.strOffsets = reader(elf, ".debug_str_offsets");
        if (abbrev == null) throw new DwarfFormatException("no .debug_abbrev section");
    }

    private static SectionReader reader(ElfFile elf, String name) throws ElfFormatException {
        Optional<ByteBuffer> b = elf.contents(name);
        return b.map(buf -> new SectionReader(buf, name)).orElse(null);
    }

    /** The unit DIEs of the file (their children below them), and every DIE by offset into {@code index}. */
    static List<Die> parse(ElfFile elf, ByteBuffer info, Map<Long, Die> index) throws DwarfFormatException {
        try {
            UnitParser p = new UnitParser(elf, info);
            List<Die> units = p.units();
            index.putAll(p.byOffset);
            return units;
        } catch (ElfFormatException e) {
            throw new DwarfFormatException(e.getMessage());
        }
    }

    private List<Die> units() throws DwarfFormatException {
        List<Die> units = new ArrayList<>();
        while (info.limit() - info.position() >= 11) {
            long start = info.position();
            long length = info.u32();
            int offsetSize = 4;
            if (length == 0xffffffffL) {
                length = info.u64();
                offsetSize = 8;
            } else if (length >= 0xfffffff0L) {
                throw new DwarfFormatException("reserved unit length 0x" + Long.toHexString(length));
            }
            long end = info.position() + length;
            if (end > info.limit()) throw new DwarfFormatException("unit at " + start + " runs past .debug_info");
            int version = info.u16();
            int unitType = Dw.DW_UT_compile;
            int addressSize;
            long abbrevOffset;
            if (version == 5) {
                unitType = info.u8();
                addressSize = info.u8();
                abbrevOffset = info.offset(offsetSize);
                switch (unitType) {
                    case Dw.DW_UT_skeleton, Dw.DW_UT_split_compile -> info.skip(8);
                    case Dw.DW_UT_type, Dw.DW_UT_split_type -> info.skip(8 + offsetSize);
                    default -> { }
                }
            } else if (version >= 2 && version <= 4) {
                abbrevOffset = info.offset(offsetSize);
                addressSize = info.u8();
            } else {
                throw new DwarfFormatException("DWARF version " + version + " is not supported");
            }
            Die unit = dies(start, end, version, offsetSize, addressSize, table(abbrevOffset));
            if (unit != null) units.add(unit);
            info.seek(end);
        }
        return units;
    }

    private Abbreviations table(long offset) throws DwarfFormatException {
        Abbreviations t = tables.get(offset);
        if (t == null) {
            t = Abbreviations.read(abbrev, offset);
            tables.put(offset, t);
        }
        return t;
    }

    /** The DIEs of one unit as a tree; the unit DIE is returned. */
    private Die dies(long unitStart, long end, int version, int offsetSize, int addressSize, Abbreviations table)
            throws DwarfFormatException {
        Die unit = null;
        Deque<Die> parents = new ArrayDeque<>();
        List<PendingString> pending = new ArrayList<>();
        while (info.position() < end) {
            long offset = info.position();
            long code = info.uleb();
            if (code == 0) {
                if (!parents.isEmpty()) parents.pop();
                continue;
            }
            Abbreviations.Abbrev a = table.get(code);
            Die die = new Die(offset, a.tag());
            for (Abbreviations.Spec s : a.specs()) {
                Object v = value(s.form(), s.implicitConst(), unitStart, version, offsetSize, addressSize);
                if (v instanceof PendingString ps) pending.add(new PendingString(die, s.attribute(), ps.index()));
                else if (v != null) die.attributes.put(s.attribute(), v);
            }
            byOffset.put(offset, die);
            if (unit == null) unit = die;
            else if (!parents.isEmpty()) parents.peek().children.add(die);
            if (a.hasChildren()) parents.push(die);
        }
        if (!pending.isEmpty()) resolveStrings(unit, pending, offsetSize);
        return unit;
    }

    private void resolveStrings(Die unit, List<PendingString> pending, int offsetSize) throws DwarfFormatException {
        if (strOffsets == null || str == null) throw new DwarfFormatException("strx form without .debug_str_offsets");
        // Without DW_AT_str_offsets_base the table starts after the first contribution header.
        long base = unit.number(Dw.DW_AT_str_offsets_base, offsetSize == 8 ? 16 : 8);
        for (PendingString p : pending) {
            strOffsets.seek(base + p.index() * offsetSize);
            p.die().attributes.put(p.attribute(), str.stringAt(strOffsets.offset(offsetSize)));
        }
    }

    private Object value(int form, long implicitConst, long unitStart, int version, int offsetSize, int addressSize)
            throws DwarfFormatException {
        SectionReader r = info;
        return switch (form) {
            case Dw.DW_FORM_addr -> addressSize == 8 ? r.u64() : r.u32();
            case Dw.DW_FORM_block1 -> r.bytes(r.u8());
            case Dw.DW_FORM_block2 -> r.bytes(r.u16());
            case Dw.DW_FORM_block4 -> r.bytes(r.u32());
            case Dw.DW_FORM_block, Dw.DW_FORM_exprloc -> r.bytes(r.uleb());
            case Dw.DW_FORM_data1, Dw.DW_FORM_flag -> (long) r.u8();
            case Dw.DW_FORM_data2 -> (long) r.u16();
            case Dw.DW_FORM_data4 -> r.u32();
            case Dw.DW_FORM_data8 -> r.u64();
            case Dw.DW_FORM_data16 -> { r.skip(16); yield null; }
            case Dw.DW_FORM_sdata -> r.sleb();
            case Dw.DW_FORM_udata -> r.uleb();
            case Dw.DW_FORM_flag_present -> 1L;
            case Dw.DW_FORM_implicit_const -> implicitConst;
            case Dw.DW_FORM_string -> r.cstring();
            case Dw.DW_FORM_strp -> string(str, ".debug_str", r.offset(offsetSize));
            case Dw.DW_FORM_line_strp -> string(lineStr, ".debug_line_str", r.offset(offsetSize));
            case Dw.DW_FORM_strp_sup, Dw.DW_FORM_GNU_strp_alt -> { r.offset(offsetSize); yield null; }
            case Dw.DW_FORM_strx, Dw.DW_FORM_GNU_str_index -> new PendingString(null, 0, r.uleb());
            case Dw.DW_FORM_strx1 -> new PendingString(null, 0, r.u8());
            case Dw.DW_FORM_strx2 -> new PendingString(null, 0, r.u16());
            case Dw.DW_FORM_strx3 -> new PendingString(null, 0, r.u24());
            case Dw.DW_FORM_strx4 -> new PendingString(null, 0, r.u32());
            case Dw.DW_FORM_ref1 -> unitStart + r.u8();
            case Dw.DW_FORM_ref2 -> unitStart + r.u16();
            case Dw.DW_FORM_ref4 -> unitStart + r.u32();
            case Dw.DW_FORM_ref8 -> unitStart + r.u64();
            case Dw.DW_FORM_ref_udata -> unitStart + r.uleb();
            // DWARF 2 wrote DW_FORM_ref_addr with the address size.
            case Dw.DW_FORM_ref_addr -> version == 2 ? r.offset(addressSize) : r.offset(offsetSize);
            case Dw.DW_FORM_sec_offset -> r.offset(offsetSize);
            case Dw.DW_FORM_addrx, Dw.DW_FORM_GNU_addr_index, Dw.DW_FORM_loclistx, Dw.DW_FORM_rnglistx -> { r.uleb(); yield null; }
            case Dw.DW_FORM_addrx1 -> { r.skip(1); yield null; }
            case Dw.DW_FORM_addrx2 -> { r.skip(2); yield null; }
            case Dw.DW_FORM_addrx3 -> { r.skip(3); yield null; }
            case Dw.DW_FORM_addrx4, Dw.DW_FORM_ref_sup4 -> { r.skip(4); yield null; }
            case Dw.DW_FORM_ref_sig8, Dw.DW_FORM_ref_sup8 -> { r.skip(8); yield null; }
            case Dw.DW_FORM_GNU_ref_alt -> { r.offset(offsetSize); yield null; }
            case Dw.DW_FORM_indirect -> value((int) r.uleb(), implicitConst, unitStart, version, offsetSize, addressSize);
            default -> throw new DwarfFormatException("unknown attribute form 0x" + Integer.toHexString(form));
        };
    }

    private static String string(SectionReader section, String name, long offset) throws DwarfFormatException {
        if (section == null) throw new DwarfFormatException("string in " + name + ", which the file does not have");
        return section.stringAt(offset);
    }
}
