package jtrace.elf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ElfFileTest {
    @TempDir
    Path dir;

    static final String PROGRAM = """
            #include <stdio.h>
            int jt_counter = 3;
            __attribute__((noinline)) static int jt_local(int x) { return x * jt_counter; }
            __attribute__((noinline)) int jt_global(int x) { return jt_local(x) + 1; }
            int main(int argc, char **argv) { printf("%d\\n", jt_global(argc)); return 0; }
            """;

    private Path compile(String... flags) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "needs gcc");
        Path src = dir.resolve("t.c");
        Files.writeString(src, PROGRAM);
        Path bin = dir.resolve("t" + flags.length);
        List<String> cmd = new java.util.ArrayList<>(List.of("gcc", "-O1", "-o", bin.toString(), src.toString()));
        cmd.addAll(Arrays.asList(flags));
        // Not inheritIO: output on this JVM's stdout would corrupt surefire's channel.
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return bin;
    }

    /** Defined FUNC/IFUNC names as readelf shows them, without symbol versions. */
    private static SortedSet<String> readelfFunctions(Path bin) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/readelf")), "needs readelf");
        Process p = new ProcessBuilder("readelf", "-W", "-s", "--dyn-syms", bin.toString()).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        SortedSet<String> out = new TreeSet<>();
        for (String line : text.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || !f[0].endsWith(":")) continue;
            if (!(f[3].equals("FUNC") || f[3].equals("IFUNC")) || f[1].matches("0+")) continue;
            out.add(f[7].replaceAll("@.*", ""));
        }
        return out;
    }

    @Test
    void functionsOfACompiledProgramMatchReadelf() throws Exception {
        Path bin = compile();
        SortedSet<String> names = ElfFile.read(bin).functionNames();
        assertTrue(names.containsAll(List.of("main", "jt_global", "jt_local")), names.toString());
        assertFalse(names.contains("jt_counter"), "a variable is not a function");
        assertFalse(names.contains("printf"), "an import has no address here");
        assertEquals(readelfFunctions(bin), names);
    }

    @Test
    void strippedProgramKeepsOnlyDynamicSymbols() throws Exception {
        Path bin = compile("-s", "-rdynamic");
        SortedSet<String> names = ElfFile.read(bin).functionNames();
        assertTrue(names.contains("jt_global"), names.toString());
        assertFalse(names.contains("jt_local"), "static functions are only in .symtab");
        assertEquals(readelfFunctions(bin), names);
    }

    @Test
    void systemBinaryMatchesReadelf() throws Exception {
        Path bash = Path.of("/usr/bin/bash");
        assumeTrue(Files.isRegularFile(bash));
        SortedSet<String> names = ElfFile.read(bash).functionNames();
        assertTrue(names.contains("main") || names.contains("readline"), "bash has functions");
        assertEquals(readelfFunctions(bash), names);
    }

    @Test
    void sectionsAreNamed() throws Exception {
        ElfFile elf = ElfFile.read(compile());
        assertTrue(elf.hasSection(".text"));
        assertTrue(elf.hasSection(".dynsym"));
        assertTrue(elf.hasSection(".symtab"));
        assertFalse(elf.hasSection(".no_such_section"));
        assertEquals("", elf.sections().getFirst().name(), "section 0 is the null section");
    }

    @Test
    void rejectsWhatItCannotRead() throws IOException {
        byte[] notElf = "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("not an ELF file", assertThrows(ElfFormatException.class, () -> ElfFile.parse(notElf)).getMessage());

        byte[] elf32 = new byte[64];
        elf32[0] = 0x7f; elf32[1] = 'E'; elf32[2] = 'L'; elf32[3] = 'F'; elf32[4] = 1; elf32[5] = 1;
        assertEquals("not a 64-bit little-endian ELF file",
                assertThrows(ElfFormatException.class, () -> ElfFile.parse(elf32)).getMessage());

        byte[] truncated = Arrays.copyOf(Files.readAllBytes(Path.of("/usr/bin/bash")), 4096);
        assertThrows(ElfFormatException.class, () -> ElfFile.parse(truncated));
    }
}
