package jtrace.symbols;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KernelSymbolsTest {
    static final String KALLSYMS = """
            ffffffff81000000 T _text
            ffffffff81000100 t helper_fn
            ffffffff81000200 T vfs_read
            ffffffff81000300 D some_data
            ffffffff81000400 W weak_fn
            0000000000000000 T hidden_fn
            ffffffffc0001000 t mod_fn\t[mymod]
            garbage line
            """;

    @Test
    void resolvesToTheCodeSymbolAtOrBelow() {
        KernelSymbols k = KernelSymbols.parse(KALLSYMS);
        String[][] cases = {
                {"ffffffff81000000", "_text+0"},
                {"ffffffff810000ff", "_text+255"},
                {"ffffffff81000100", "helper_fn+0"},
                {"ffffffff81000234", "vfs_read+52"},
                // data symbols do not take over code addresses
                {"ffffffff81000310", "vfs_read+272"},
                {"ffffffff81000401", "weak_fn+1"},
                {"ffffffffc0001010", "mod_fn+16"},
                {"ffffffff80000000", "0xffffffff80000000"},
        };
        for (String[] c : cases) assertEquals(c[1], k.format(Long.parseUnsignedLong(c[0], 16), true), c[0]);
        assertEquals("vfs_read", k.format(0xffffffff81000234L, false));
        assertEquals("mymod", k.resolve(0xffffffffc0001010L).orElseThrow().module());
    }

    @Test
    void addressesOfAnySymbolByName() {
        KernelSymbols k = KernelSymbols.parse(KALLSYMS);
        assertEquals(0xffffffff81000300L, k.address("some_data").orElseThrow());
        assertEquals(0xffffffff81000200L, k.address("vfs_read").orElseThrow());
        assertTrue(k.address("hidden_fn").isEmpty(), "addresses shown as 0 are not real");
        assertTrue(k.address("nosuch").isEmpty());
        assertEquals(5, k.size());
    }

    @Test
    void theRunningKernelsTableRoundTrips() {
        assumeTrue(Files.isReadable(KernelSymbols.KALLSYMS));
        KernelSymbols k = KernelSymbols.system();
        assumeTrue(k.size() > 1000, "kallsyms addresses are hidden without privilege");
        long vfsRead = k.address("vfs_read").orElseThrow();
        assertEquals("vfs_read", k.format(vfsRead, false));
        assertEquals("vfs_read+4", k.format(vfsRead + 4, true));
    }
}
