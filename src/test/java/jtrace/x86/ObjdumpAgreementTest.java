package jtrace.x86;

import jtrace.elf.ElfFile;
import jtrace.elf.ElfSection;
import jtrace.elf.ElfSymbol;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every instruction objdump finds in real binaries must have the length the decoder gives it:
 * libc (SSE, AVX2 and EVEX string functions, x87, TSX, ...), other system libraries, and the
 * test workloads compiled here at several optimisation levels and ISA levels.
 */
class ObjdumpAgreementTest {
    @BeforeAll
    static void needsObjdump() {
        assumeTrue(ObjdumpListing.available(), "objdump (binutils) is not installed: skipping the comparison with it");
    }

    @Test
    void libc() throws Exception {
        Path libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        assumeTrue(Files.isReadable(libc), "no " + libc);
        int checked = assertAgrees(libc);
        assertTrue(checked > 100_000, "only " + checked + " instructions in libc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/lib/x86_64-linux-gnu/libm.so.6", "/lib64/ld-linux-x86-64.so.2",
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libcrypto.so.3", "/usr/bin/gcc", "/usr/lib/x86_64-linux-gnu/libz.so.1"})
    void systemLibraries(String path) throws Exception {
        Path file = Paths.get(path);
        assumeTrue(Files.isReadable(file), "no " + file);
        assertAgrees(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-O0", "-O2", "-O3 -march=x86-64-v3", "-O3 -march=skylake-avx512", "-Os -fPIC"})
    void testWorkloads(String flags) throws Exception {
        Path dir = Files.createTempDirectory("jtrace-x86");
        try {
            List<Path> sources;
            try (var s = Files.list(Path.of("src/test/c"))) {
                sources = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
            }
            assertTrue(!sources.isEmpty(), "no sources in src/test/c");
            for (Path source : sources) {
                Path out = dir.resolve(source.getFileName().toString().replace(".c", ""));
                List<String> cmd = new ArrayList<>(List.of("gcc"));
                cmd.addAll(Arrays.asList(flags.split(" ")));
                cmd.addAll(List.of("-o", out.toString(), source.toString()));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes());
                assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc " + flags + " failed:\n" + output);
                assertAgrees(out);
            }
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Compares every instruction objdump shows inside a function symbol (hand-written assembly
     * keeps data tables in .text, outside its functions); returns how many there were.
     */
    static int assertAgrees(Path file) throws IOException, InterruptedException, jtrace.elf.ElfFormatException {
        ElfFile elf = ElfFile.read(file);
        FunctionRanges functions = FunctionRanges.of(elf);
        ObjdumpListing listing = ObjdumpListing.of(file);
        HexFormat hex = HexFormat.ofDelimiter(" ");
        int checked = 0;
        for (ObjdumpListing.Section section : listing.sections()) {
            ElfSection s = elf.section(section.name()).orElseThrow(() -> new AssertionError("objdump section " + section.name()
                    + " not in the ELF section headers of " + file));
            byte[] code = elf.bytes(s.offset(), Math.toIntExact(s.size()));
            for (ObjdumpListing.Instruction insn : section.instructions()) {
                if (!functions.contains(insn.address())) continue;
                int at = Math.toIntExact(insn.address() - s.addr());
                byte[] actual = Arrays.copyOfRange(code, at, at + insn.bytes().length);
                if (!Arrays.equals(actual, insn.bytes())) {
                    fail(file + ": objdump shows " + hex.formatHex(insn.bytes()) + " at 0x" + Long.toHexString(insn.address())
                            + " but the file holds " + hex.formatHex(actual));
                }
                int length;
                try {
                    length = InstructionLengthDecoder.length(code, at);
                } catch (UndecodableInstructionException e) {
                    fail(file + " " + section.name() + " 0x" + Long.toHexString(insn.address()) + " [" + hex.formatHex(insn.bytes())
                            + "] " + insn.text() + ": objdump length " + insn.bytes().length + ", decoder: " + e.getMessage()
                            + " (" + checked + " instructions agreed before)");
                    return checked;
                }
                if (length != insn.bytes().length) {
                    int end = Math.min(code.length, at + Math.max(length, insn.bytes().length));
                    fail(file + " " + section.name() + " 0x" + Long.toHexString(insn.address()) + " [" + hex.formatHex(code, at, end)
                            + "] " + insn.text() + ": objdump length " + insn.bytes().length + ", decoder length " + length
                            + " (" + checked + " instructions agreed before)");
                }
                checked++;
            }
        }
        return checked;
    }

    /** The address ranges of the sized function symbols, merged. */
    record FunctionRanges(long[] starts, long[] ends) {
        static FunctionRanges of(ElfFile elf) throws jtrace.elf.ElfFormatException {
            List<long[]> ranges = new ArrayList<>();
            for (ElfSymbol sym : elf.symbols()) {
                if (sym.type() == ElfSymbol.STT_FUNC && sym.size() > 0 && sym.sectionIndex() != 0) {
                    ranges.add(new long[] {sym.value(), sym.value() + sym.size()});
                }
            }
            ranges.sort((a, b) -> Long.compare(a[0], b[0]));
            List<long[]> merged = new ArrayList<>();
            for (long[] r : ranges) {
                if (!merged.isEmpty() && r[0] <= merged.getLast()[1]) merged.getLast()[1] = Math.max(merged.getLast()[1], r[1]);
                else merged.add(r.clone());
            }
            return new FunctionRanges(merged.stream().mapToLong(r -> r[0]).toArray(), merged.stream().mapToLong(r -> r[1]).toArray());
        }

        boolean contains(long address) {
            int i = Arrays.binarySearch(starts, address);
            if (i < 0) i = -i - 2;
            return i >= 0 && address < ends[i];
        }
    }
}
