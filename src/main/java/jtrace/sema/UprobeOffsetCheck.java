package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.diag.CompileError;
import jtrace.elf.ElfFile;
import jtrace.elf.ElfFormatException;
import jtrace.elf.ElfSymbol;
import jtrace.x86.InstructionLengthDecoder;
import jtrace.x86.InstructionWalk;
import jtrace.x86.UndecodableInstructionException;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * bpftrace's checks of a uprobe placed {@code offset} bytes into a function (FUNC+OFF, or an
 * address inside a function): no uretprobe there, the offset inside the symbol, and on an
 * instruction boundary, found by decoding the function from its start. A breakpoint written into
 * the middle of an instruction corrupts it, so this is an error unless --unsafe, which turns the
 * boundary checks into warnings.
 */
final class UprobeOffsetCheck {
    static final String HINT_UNSAFE = "\nUse --unsafe to force attachment. WARNING: This option could lead to data corruption"
            + " in the target process.";

    private UprobeOffsetCheck() {}

    /** Where the boundary check ended. */
    enum Alignment { ON_BOUNDARY, INSIDE_INSTRUCTION, UNDECODABLE, NOT_X86_64 }

    /**
     * Checks a probe {@code offset} bytes into {@code sym} of {@code path}; returns the warning to
     * print when --unsafe lets a doubtful offset through.
     *
     * @throws CompileError with bpftrace's message when the probe cannot be placed there
     */
    static Optional<String> check(AttachPoint ap, ElfFile elf, String path, ElfSymbol sym, long offset, String type,
                                  boolean unsafe) {
        String name = sym.name();
        if (type.equals("uretprobe") && offset != 0) {
            throw new CompileError(ap.span(), "uretprobes cannot be attached at function offset. (address resolved to: "
                    + name + "+" + Long.toUnsignedString(offset) + ")");
        }
        if (offset == 0) return Optional.empty();
        if (Long.compareUnsigned(offset, sym.size()) >= 0) {
            throw new CompileError(ap.span(), "Offset outside the function bounds ('" + name + "' size is "
                    + Long.toUnsignedString(sym.size()) + ")");
        }
        String where = path + ":" + name + "+" + offset;
        return switch (alignment(elf, sym, (int) offset)) {
            case ON_BOUNDARY -> Optional.empty();
            case INSIDE_INSTRUCTION -> refuse(ap, unsafe, "Could not add " + type + " into middle of instruction: " + where,
                    "Unsafe " + type + " in the middle of the instruction: " + where);
            case UNDECODABLE -> refuse(ap, unsafe, "Failed to check if " + type + " is in proper place: " + where,
                    "Unchecked " + type + ": " + where);
            case NOT_X86_64 -> refuse(ap, unsafe, "Can't check if " + type
                    + " is in proper place (compiled without (k|u)probe offset support): " + where, "Unchecked " + type + ": " + where);
        };
    }

    /** An address no function holds: bpftrace refuses it, or with --unsafe warns that it cannot check it. */
    static Optional<String> checkUnknownAddress(AttachPoint ap, String path, String probeName, long address, boolean unsafe) {
        if (!unsafe) throw new CompileError(ap.span(), "Could not resolve address: " + path + ":0x" + Long.toHexString(address));
        return Optional.of("Could not determine instruction boundary for " + probeName
                + " (binary appears stripped). Misaligned probes can lead to tracee crashes!");
    }

    /** Whether {@code offset} is an instruction boundary of {@code sym}, decoding its code from the file. */
    static Alignment alignment(ElfFile elf, ElfSymbol sym, int offset) {
        if (elf.machine() != ElfFile.EM_X86_64) return Alignment.NOT_X86_64;
        OptionalLong fileOffset = elf.fileOffset(sym.value());
        if (fileOffset.isEmpty()) return Alignment.UNDECODABLE;
        // The code up to the offset and one whole instruction more, if the function is that long.
        int length = (int) Math.min(sym.size(), (long) offset + InstructionLengthDecoder.MAX_LENGTH);
        try {
            byte[] code = elf.bytes(fileOffset.getAsLong(), length);
            return InstructionWalk.startsAt(code, offset) ? Alignment.ON_BOUNDARY : Alignment.INSIDE_INSTRUCTION;
        } catch (ElfFormatException | UndecodableInstructionException e) {
            return Alignment.UNDECODABLE;
        }
    }

    private static Optional<String> refuse(AttachPoint ap, boolean unsafe, String error, String warning) {
        if (!unsafe) throw new CompileError(ap.span(), error + HINT_UNSAFE);
        return Optional.of(warning);
    }
}
