package jtrace.elf;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LdSoCacheTest {
    /** A new-format cache with the given (flags, soname, path) entries, strings after the entries. */
    static byte[] cache(Object[]... entries) {
        int header = LdSoCache.NEW_HEADER, entriesEnd = header + entries.length * LdSoCache.NEW_ENTRY;
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(entriesEnd + 4096).order(ByteOrder.LITTLE_ENDIAN);
        b.put(LdSoCache.NEW_MAGIC.getBytes(StandardCharsets.ISO_8859_1));
        b.putInt(20, entries.length);
        for (int i = 0; i < entries.length; i++) {
            int p = header + i * LdSoCache.NEW_ENTRY;
            b.putInt(p, (Integer) entries[i][0]);
            b.putInt(p + 4, entriesEnd + strings.size());
            strings.writeBytes((entries[i][1] + "\0").getBytes(StandardCharsets.ISO_8859_1));
            b.putInt(p + 8, entriesEnd + strings.size());
            strings.writeBytes((entries[i][2] + "\0").getBytes(StandardCharsets.ISO_8859_1));
        }
        b.put(entriesEnd, strings.toByteArray());
        byte[] out = new byte[entriesEnd + strings.size()];
        b.get(0, out);
        return out;
    }

    @Test
    void entriesOfANewFormatCache() throws Exception {
        List<LdSoCache.Entry> e = LdSoCache.parse(cache(new Object[] {0x0303, "libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6"},
                new Object[] {0x0003, "libc.so.6", "/lib32/libc.so.6"}));
        assertEquals(List.of(new LdSoCache.Entry("libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6", 0x0303),
                new LdSoCache.Entry("libc.so.6", "/lib32/libc.so.6", 0x0003)), e);
        assertTrue(e.get(0).isX8664());
        assertEquals(false, e.get(1).isX8664());
    }

    @Test
    void notACache() {
        assertThrows(ElfFormatException.class, () -> LdSoCache.parse("hello world, this is not a cache at all....".getBytes()));
    }

    @Test
    void theSystemCacheNamesLibc() throws Exception {
        assumeTrue(Files.isRegularFile(LdSoCache.DEFAULT), "no /etc/ld.so.cache");
        assertTrue(LdSoCache.read(LdSoCache.DEFAULT).stream().anyMatch(x -> x.soname().equals("libc.so.6") && x.isX8664()));
    }

    @Test
    void libraryNamesResolveThroughACache() throws Exception {
        Path dir = Files.createTempDirectory("ldcache");
        Path lib = Files.writeString(dir.resolve("libjtfake.so.3"), "x");
        Path cacheFile = dir.resolve("ld.so.cache");
        Files.write(cacheFile, cache(new Object[] {0x0303, "libjtfake.so.3", lib.toString()}));
        BinaryLocator locator = new BinaryLocator("", cacheFile, java.util.OptionalLong.empty());
        assertEquals(lib, locator.locate("libjtfake").orElseThrow());
        assertEquals(lib, locator.locate("libjtfake.so.3").orElseThrow());
        assertTrue(locator.locate("libjtfak").isEmpty());
        assertTrue(locator.locate(dir.resolve("missing").toString()).isEmpty());
    }
}
