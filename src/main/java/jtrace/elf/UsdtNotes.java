package jtrace.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the USDT probes of a file from its {@code .note.stapsdt} section, as the SystemTap SDT
 * format describes them: each note (owner "stapsdt", type 3) holds the probe address, the link-time
 * address of {@code .stapsdt.base}, the semaphore address, then provider, name and argument
 * string, NUL-terminated. When the file's {@code .stapsdt.base} section sits elsewhere than the
 * note recorded (prelink), probe and semaphore addresses move by the difference.
 */
public final class UsdtNotes {
    private UsdtNotes() {}

    static final String OWNER = "stapsdt";
    static final int NT_STAPSDT = 3;

    public static List<UsdtProbe> read(ElfFile elf) throws ElfFormatException {
        List<UsdtProbe> out = new ArrayList<>();
        Optional<ElfSection> baseSection = elf.section(".stapsdt.base");
        for (ElfNote note : elf.notes(".note.stapsdt")) {
            if (!note.name().equals(OWNER) || note.type() != NT_STAPSDT) continue;
            ByteBuffer d = ByteBuffer.wrap(note.desc()).order(ByteOrder.LITTLE_ENDIAN);
            if (d.capacity() < 24) throw new ElfFormatException("stapsdt note too short");
            long pc = d.getLong(0), base = d.getLong(8), semaphore = d.getLong(16);
            int[] pos = {24};
            String provider = cString(note.desc(), pos), name = cString(note.desc(), pos), args = cString(note.desc(), pos);
            if (baseSection.isPresent() && base != 0) {
                long delta = baseSection.get().addr() - base;
                pc += delta;
                if (semaphore != 0) semaphore += delta;
            }
            OptionalLong offset = elf.fileOffset(pc);
            if (offset.isEmpty()) throw new ElfFormatException("USDT probe " + provider + ":" + name + " address 0x"
                    + Long.toHexString(pc) + " is in no loadable segment");
            long semOffset = 0;
            if (semaphore != 0) {
                OptionalLong s = elf.fileOffset(semaphore);
                if (s.isEmpty()) throw new ElfFormatException("USDT probe " + provider + ":" + name + " semaphore 0x"
                        + Long.toHexString(semaphore) + " is in no loadable segment");
                semOffset = s.getAsLong();
            }
            List<UsdtArgument> parsed = List.of();
            String argumentError = null;
            try {
                parsed = UsdtArgumentParser.parse(args, sym -> symbolValue(elf, sym), pc);
            } catch (ElfFormatException e) {
                argumentError = e.getMessage();
            }
            out.add(new UsdtProbe(provider, name, pc, offset.getAsLong(), semOffset, args, parsed, argumentError));
        }
        return out;
    }

    private static long symbolValue(ElfFile elf, String name) {
        try {
            return elf.symbol(name).map(ElfSymbol::value).orElse(0L);
        } catch (ElfFormatException e) {
            return 0L;
        }
    }

    private static String cString(byte[] b, int[] pos) throws ElfFormatException {
        int start = pos[0];
        int end = start;
        while (end < b.length && b[end] != 0) end++;
        if (end >= b.length) throw new ElfFormatException("unterminated string in stapsdt note");
        pos[0] = end + 1;
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
