package jtrace.elf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Parses the x86-64 argument string of a SystemTap SDT note: space-separated {@code [-]SIZE@OPERAND}
 * where the operand is in AT&T syntax: {@code %reg}, {@code $imm}, {@code disp(%reg)} or
 * {@code sym+disp(%rip)}. Indexed operands ({@code (%rax,%rdx,8)}) are refused.
 */
public final class UsdtArgumentParser {
    private UsdtArgumentParser() {}

    /** Every x86-64 register name an operand may use, mapped to the 64-bit register it is part of. */
    static final Map<String, String> REGISTERS = registers();

    private static Map<String, String> registers() {
        Map<String, String> m = new java.util.HashMap<>();
        String[][] legacy = {
                {"rax", "eax", "ax", "al"}, {"rbx", "ebx", "bx", "bl"}, {"rcx", "ecx", "cx", "cl"},
                {"rdx", "edx", "dx", "dl"}, {"rsi", "esi", "si", "sil"}, {"rdi", "edi", "di", "dil"},
                {"rbp", "ebp", "bp", "bpl"}, {"rsp", "esp", "sp", "spl"}};
        for (String[] names : legacy) for (String n : names) m.put(n, names[0]);
        for (int i = 8; i <= 15; i++) {
            for (String suffix : new String[] {"", "d", "w", "b"}) m.put("r" + i + suffix, "r" + i);
        }
        m.put("rip", "rip");
        return Map.copyOf(m);
    }

    /**
     * @param spec    the argument string of one note
     * @param symbols resolves a symbol named in a {@code sym(%rip)} operand to its link-time address
     * @param pc      the note's link-time probe address ({@code rip}-relative operands are made relative to it)
     */
    public static List<UsdtArgument> parse(String spec, ToLongFunction<String> symbols, long pc) throws ElfFormatException {
        List<UsdtArgument> out = new ArrayList<>();
        for (String arg : spec.trim().split("\\s+")) {
            if (!arg.isEmpty()) out.add(parseOne(arg, symbols, pc));
        }
        return out;
    }

    static UsdtArgument parseOne(String arg, ToLongFunction<String> symbols, long pc) throws ElfFormatException {
        int at = arg.indexOf('@');
        int size = 8;
        boolean signed = false;
        String operand = arg;
        if (at > 0) {
            String sz = arg.substring(0, at);
            signed = sz.startsWith("-");
            try {
                size = Integer.parseInt(signed ? sz.substring(1) : sz);
            } catch (NumberFormatException e) {
                throw new ElfFormatException("bad USDT argument size in '" + arg + "'");
            }
            if (size != 1 && size != 2 && size != 4 && size != 8) throw new ElfFormatException("bad USDT argument size in '" + arg + "'");
            operand = arg.substring(at + 1);
        }
        if (operand.startsWith("$")) {
            return new UsdtArgument.Constant(size, signed, number(operand.substring(1), arg));
        }
        if (operand.startsWith("%")) {
            return new UsdtArgument.Register(size, signed, register(operand.substring(1), arg));
        }
        int open = operand.indexOf('(');
        if (open < 0 || !operand.endsWith(")")) throw new ElfFormatException("unsupported USDT argument '" + arg + "'");
        String inner = operand.substring(open + 1, operand.length() - 1);
        if (inner.indexOf(',') >= 0) throw new ElfFormatException("indexed USDT argument '" + arg + "' is not supported");
        if (!inner.startsWith("%")) throw new ElfFormatException("unsupported USDT argument '" + arg + "'");
        String base = register(inner.substring(1), arg);
        String disp = operand.substring(0, open);
        long displacement;
        if (disp.isEmpty()) {
            displacement = 0;
        } else if (Character.isDigit(disp.charAt(0)) || disp.charAt(0) == '-') {
            displacement = number(disp, arg);
        } else {
            // sym, sym+N or sym-N: a global, addressed relative to the probe's own address.
            if (!base.equals("rip")) throw new ElfFormatException("unsupported USDT argument '" + arg + "'");
            int sign = Math.max(disp.lastIndexOf('+'), disp.lastIndexOf('-'));
            String sym = sign > 0 ? disp.substring(0, sign) : disp;
            long add = sign > 0 ? number(disp.substring(sign), arg) : 0;
            long addr = symbols.applyAsLong(sym);
            if (addr == 0) throw new ElfFormatException("USDT argument '" + arg + "' names unknown symbol " + sym);
            displacement = addr + add - pc;
        }
        return new UsdtArgument.Memory(size, signed, base, displacement);
    }

    private static String register(String name, String arg) throws ElfFormatException {
        String r = REGISTERS.get(name);
        if (r == null) throw new ElfFormatException("unknown register %" + name + " in USDT argument '" + arg + "'");
        return r;
    }

    private static long number(String s, String arg) throws ElfFormatException {
        String t = s.startsWith("+") ? s.substring(1) : s;
        boolean neg = t.startsWith("-");
        if (neg) t = t.substring(1);
        try {
            long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            throw new ElfFormatException("bad number '" + s + "' in USDT argument '" + arg + "'");
        }
    }
}
