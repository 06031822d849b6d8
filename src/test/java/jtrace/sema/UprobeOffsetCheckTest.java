package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.elf.BinaryLocator;
import jtrace.elf.ElfFile;
import jtrace.elf.ElfSymbol;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * FUNC+OFF and address uprobes against a binary built here whose functions are written in
 * assembly, so their instruction boundaries are known: {@code f} is push (0), mov (1),
 * movabs imm64 (4), pop (14), ret (15), 16 bytes; {@code g} holds the byte 06, invalid in 64-bit
 * mode, at offset 1.
 */
class UprobeOffsetCheckTest {
    private static final String SOURCE = """
            __asm__(".text\\n.globl f\\n.type f,@function\\nf:\\n push %rbp\\n mov %rsp,%rbp\\n"
                    " movabs $0x1122334455667788,%rax\\n pop %rbp\\n ret\\n.size f, .-f\\n"
                    ".globl g\\n.type g,@function\\ng:\\n nop\\n .byte 0x06\\n nop\\n ret\\n.size g, .-g\\n");
            int main(void) { return 0; }
            """;
    private static final String HINT = "\nUse --unsafe to force attachment. WARNING: This option could lead to data corruption in the target process.";

    private static Path dir, bin, foreign;

    @BeforeAll
    static void build() throws Exception {
        dir = Files.createTempDirectory("jtrace-uprobe-offset");
        Path source = dir.resolve("t.c");
        Files.writeString(source, SOURCE);
        bin = dir.resolve("t");
        Process p = new ProcessBuilder("gcc", "-O1", "-o", bin.toString(), source.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc cannot build the test binary:\n" + out);
        // The same file claiming another architecture (e_machine = EM_AARCH64): no decoder for it.
        foreign = dir.resolve("foreign");
        Files.copy(bin, foreign);
        try (var ch = java.nio.channels.FileChannel.open(foreign, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {(byte) 183, 0}), 0x12);
        }
    }

    @AfterAll
    static void clean() throws IOException {
        if (dir == null) return;
        try (var s = Files.walk(dir)) {
            s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    private static List<ProbeTarget> resolve(String raw, UserProbeResolver r) {
        AttachPoint ap = new AttachPoint(raw, List.of(raw.split(":")), new Span(0, raw.length()));
        return r.uprobe(ap, raw.startsWith("uretprobe"));
    }

    private static UserProbeResolver resolver(boolean unsafe) {
        return new UserProbeResolver(BinaryLocator.system(OptionalLong.empty()), OptionalLong.empty(), unsafe);
    }

    private static long symbol(String name) throws Exception {
        return ElfFile.read(bin).functions().stream().filter(s -> s.name().equals(name)).findFirst().map(ElfSymbol::value).orElseThrow();
    }

    private static long fileOffset(long vaddr) throws Exception {
        return ElfFile.read(bin).fileOffset(vaddr).orElseThrow();
    }

    @ParameterizedTest(name = "f+{0}")
    @CsvSource({"1", "4", "14", "15"})
    void boundariesResolveToTheFileOffset(int off) throws Exception {
        UserProbeResolver r = resolver(false);
        List<ProbeTarget> t = resolve("uprobe:" + bin + ":f+" + off, r);
        assertEquals(fileOffset(symbol("f")) + off, ((ProbeTarget.Uprobe) t.getFirst()).fileOffset());
        assertEquals(List.of(), r.warnings());
    }

    @ParameterizedTest(name = "f+{0}")
    @CsvSource({"2", "3", "5", "13"})
    void insideAnInstructionIsAnError(int off) {
        CompileError e = assertThrows(CompileError.class, () -> resolve("uprobe:" + bin + ":f+" + off, resolver(false)));
        assertEquals("Could not add uprobe into middle of instruction: " + bin + ":f+" + off + HINT, e.getMessage());
    }

    @Test
    void unsafeWarnsAndResolves() throws Exception {
        UserProbeResolver r = resolver(true);
        List<ProbeTarget> t = resolve("uprobe:" + bin + ":f+5", r);
        assertEquals(fileOffset(symbol("f")) + 5, ((ProbeTarget.Uprobe) t.getFirst()).fileOffset());
        assertEquals(List.of("Unsafe uprobe in the middle of the instruction: " + bin + ":f+5"), r.warnings());
    }

    @Test
    void addressInsideAnInstructionIsNamedByFunctionAndOffset() throws Exception {
        String hex = "0x" + Long.toHexString(symbol("f") + 2);
        CompileError e = assertThrows(CompileError.class, () -> resolve("uprobe:" + bin + ":" + hex, resolver(false)));
        assertEquals("Could not add uprobe into middle of instruction: " + bin + ":f+2" + HINT, e.getMessage());
        String ok = "0x" + Long.toHexString(symbol("f") + 4);
        assertEquals("f", ((ProbeTarget.Uprobe) resolve("uprobe:" + bin + ":" + ok, resolver(false)).getFirst()).function());
    }

    @Test
    void addressOutsideEveryFunction() throws Exception {
        // The ELF header is mapped by the first PT_LOAD segment but belongs to no function.
        long headerAddr = ElfFile.read(bin).loadSegments().vaddrOf(0x10).orElseThrow();
        String hex = "0x" + Long.toHexString(headerAddr);
        CompileError e = assertThrows(CompileError.class, () -> resolve("uprobe:" + bin + ":" + hex, resolver(false)));
        assertEquals("Could not resolve address: " + bin + ":" + hex, e.getMessage());
        UserProbeResolver r = resolver(true);
        resolve("uprobe:" + bin + ":" + hex, r);
        assertEquals(List.of("Could not determine instruction boundary for uprobe:" + bin + ":" + hex
                + " (binary appears stripped). Misaligned probes can lead to tracee crashes!"), r.warnings());
    }

    @Test
    void offsetPastTheFunction() {
        CompileError e = assertThrows(CompileError.class, () -> resolve("uprobe:" + bin + ":f+16", resolver(true)));
        assertEquals("Offset outside the function bounds ('f' size is 16)", e.getMessage());
    }

    @Test
    void uretprobeAtAnOffset() {
        CompileError e = assertThrows(CompileError.class, () -> resolve("uretprobe:" + bin + ":f+1", resolver(true)));
        assertEquals("uretprobes cannot be attached at function offset. (address resolved to: f+1)", e.getMessage());
    }

    @Test
    void undecodableCodeCannotBeChecked() {
        CompileError e = assertThrows(CompileError.class, () -> resolve("uprobe:" + bin + ":g+2", resolver(false)));
        assertEquals("Failed to check if uprobe is in proper place: " + bin + ":g+2" + HINT, e.getMessage());
        UserProbeResolver r = resolver(true);
        resolve("uprobe:" + bin + ":g+2", r);
        assertEquals(List.of("Unchecked uprobe: " + bin + ":g+2"), r.warnings());
        // Before the bad byte the walk never reaches it.
        resolve("uprobe:" + bin + ":g+1", resolver(false));
    }

    @Test
    void otherArchitecturesCannotBeChecked() {
        CompileError e = assertThrows(CompileError.class, () -> resolve("uprobe:" + foreign + ":f+1", resolver(false)));
        assertEquals("Can't check if uprobe is in proper place (compiled without (k|u)probe offset support): " + foreign + ":f+1" + HINT,
                e.getMessage());
        UserProbeResolver r = resolver(true);
        resolve("uprobe:" + foreign + ":f+1", r);
        assertEquals(List.of("Unchecked uprobe: " + foreign + ":f+1"), r.warnings());
    }

    @Test
    void functionStartNeedsNoCheck() throws Exception {
        UserProbeResolver r = resolver(false);
        resolve("uprobe:" + foreign + ":f+0", r);
        resolve("uprobe:" + foreign + ":f", r);
        assertEquals(List.of(), r.warnings());
    }
}
