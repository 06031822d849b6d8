package jtrace.elf;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The hand-written stapsdt notes of src/test/c/uprobe_target.c, read back. */
class UsdtNotesTest {
    @TempDir
    static Path dir;

    static ElfFile elf;

    @BeforeAll
    static void compile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "needs gcc");
        Path bin = dir.resolve("uprobe_target");
        // Not inheritIO: output on this JVM's stdout would corrupt surefire's channel.
        Process p = new ProcessBuilder("gcc", "-O1", "-o", bin.toString(), "src/test/c/uprobe_target.c").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        elf = ElfFile.read(bin);
    }

    @Test
    void everyProbeWithItsArguments() throws Exception {
        List<UsdtProbe> probes = UsdtNotes.read(elf);
        assertEquals(List.of("jtrace_test:tick", "jtrace_test:global", "jtrace_test:guarded"),
                probes.stream().map(p -> p.provider() + ":" + p.name()).toList());
        UsdtProbe tick = probes.get(0);
        assertNull(tick.argumentError());
        assertEquals(3, tick.arguments().size());
        assertEquals(new UsdtArgument.Register(4, true, "rdi"), tick.arguments().get(0));
        assertTrue(tick.arguments().get(1) instanceof UsdtArgument.Memory m && m.size() == 8, tick.argumentSpec());
        assertEquals(new UsdtArgument.Constant(4, true, -7), tick.arguments().get(2));
        assertEquals(0, tick.semaphoreOffset());
        // ut_global(%rip): the displacement leads from the probe's address to the global's.
        UsdtArgument.Memory global = (UsdtArgument.Memory) probes.get(1).arguments().getFirst();
        assertEquals("rip", global.base());
        assertEquals(elf.symbol("ut_global").orElseThrow().value(), probes.get(1).pc() + global.displacement());
    }

    @Test
    void semaphoreAndProbeAddressesAreFileOffsets() throws Exception {
        UsdtProbe guarded = UsdtNotes.read(elf).get(2);
        ElfSection probes = elf.section(".probes").orElseThrow();
        ElfSymbol sem = elf.symbol("jtrace_test_guarded_semaphore").orElseThrow();
        assertEquals(probes.offset() + (sem.value() - probes.addr()), guarded.semaphoreOffset());
        ElfSection text = elf.section(".text").orElseThrow();
        assertEquals(text.offset() + (guarded.pc() - text.addr()), guarded.fileOffset());
        // the probe site is the nop the note points at
        assertEquals(List.of(), elf.notes(".no.such.section"));
    }

    @Test
    void addressesOutsideEverySegmentHaveNoFileOffset() {
        assertTrue(elf.fileOffset(0x7fff_0000_0000L).isEmpty());
    }
}
