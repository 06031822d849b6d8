package jtrace.symbols;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProcessMapsTest {
    @Test
    void fileMappingsWithTheirPermissionsAndDeletedFiles() {
        ProcessMaps maps = ProcessMaps.parse("""
                55d0c0a00000-55d0c0a02000 r--p 00000000 fe:01 1835 /usr/bin/cat
                55d0c0a02000-55d0c0a07000 r-xp 00002000 fe:01 1835 /usr/bin/cat
                7f10a0000000-7f10a0021000 rw-p 00000000 00:00 0
                7f10a1000000-7f10a1200000 r--s 00000000 fe:01 99 /tmp/read by a tracer
                7f10a2000000-7f10a2001000 r-xp 00001000 fe:01 77 /tmp/gone (deleted)
                7ffd1e5f3000-7ffd1e614000 rw-p 00000000 00:00 0                          [stack]
                """);
        assertEquals(List.of(
                new ProcessMaps.Mapping(0x55d0c0a00000L, 0x55d0c0a02000L, 0, 1835, "/usr/bin/cat", false, false),
                new ProcessMaps.Mapping(0x55d0c0a02000L, 0x55d0c0a07000L, 0x2000, 1835, "/usr/bin/cat", true, false),
                new ProcessMaps.Mapping(0x7f10a1000000L, 0x7f10a1200000L, 0, 99, "/tmp/read by a tracer", false, false),
                new ProcessMaps.Mapping(0x7f10a2000000L, 0x7f10a2001000L, 0x1000, 77, "/tmp/gone", true, true)),
                maps.mappings());
    }
}
