package jtrace.load;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jtrace.sys.Bpf;
import jtrace.sys.Cpus;
import jtrace.sys.SysException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MapTest {
    static byte[] u32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    static byte[] u64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    static long u64At(byte[] b, int off) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(off);
    }

    @ParameterizedTest
    @EnumSource(value = MapType.class, names = {"HASH", "PERCPU_HASH", "LRU_HASH", "LRU_PERCPU_HASH"})
    void hashMapsCreateUpdateLookupIterateDelete(MapType type) {
        try (var map = BpfMap.create(new MapSpec("@counts", type, 4, 8, 64))) {
            int slot = type.perCpu() ? 8 * Cpus.possible().size() : 8;
            assertEquals(slot, map.lookupSize());
            assertNull(map.lookup(u32(1)));
            map.update(u32(1), u64(100));
            map.update(u32(2), u64(200));
            map.update(u32(3), u64(300));
            byte[] v = map.lookup(u32(2));
            assertEquals(slot, v.length);
            for (int off = 0; off < v.length; off += 8) assertEquals(200, u64At(v, off), "cpu slot " + off / 8);
            Set<Integer> keys = new HashSet<>();
            for (byte[] k : map.keys()) keys.add(ByteBuffer.wrap(k).order(ByteOrder.LITTLE_ENDIAN).getInt());
            assertEquals(Set.of(1, 2, 3), keys);
            assertTrue(map.delete(u32(2)));
            assertFalse(map.delete(u32(2)));
            assertNull(map.lookup(u32(2)));
            assertEquals(2, map.keys().size());
            map.clear();
            assertEquals(List.of(), map.keys());
        }
    }

    @ParameterizedTest
    @EnumSource(value = MapType.class, names = {"ARRAY", "PERCPU_ARRAY"})
    void arrayMapsAlwaysHaveEveryIndexAndClearZeroes(MapType type) {
        try (var map = BpfMap.create(new MapSpec("arr", type, 4, 4, 3))) {
            int slots = type.perCpu() ? Cpus.possible().size() : 1;
            int slot = type.perCpu() ? 8 : 4; // per-CPU values are padded to 8 bytes
            assertEquals(slot * slots, map.lookupSize());
            assertEquals(3, map.keys().size());
            map.update(u32(1), u32(0x11223344));
            byte[] v = map.lookup(u32(1));
            for (int i = 0; i < slots; i++) {
                assertEquals(0x11223344, ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getInt(i * slot));
            }
            map.clear();
            assertArrayEquals(new byte[map.lookupSize()], map.lookup(u32(1)));
            assertThrows(UnsupportedOperationException.class, () -> map.delete(u32(1)));
            assertNull(map.lookup(u32(3)), "lookup past the end");
            var e = assertThrows(SysException.class, () -> map.update(u32(3), u32(1)));
            assertEquals("E2BIG", e.errnoName(), "update past the end");
        }
    }

    @Test
    void perCpuValuesCanDifferPerCpu() {
        int n = Cpus.possible().size();
        try (var map = BpfMap.create(new MapSpec("pc", MapType.PERCPU_HASH, 8, 8, 4))) {
            var all = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
            for (int cpu = 0; cpu < n; cpu++) all.putLong(1000L + cpu);
            map.update(u64(7), all.array());
            byte[] v = map.lookup(u64(7));
            for (int cpu = 0; cpu < n; cpu++) assertEquals(1000L + cpu, u64At(v, cpu * 8));
        }
    }

    @Test
    void ringBufferMapAndKernelName() {
        try (var map = BpfMap.create(new MapSpec("@ringbuf output", MapType.RINGBUF, 0, 0, 1 << 16))) {
            var info = Bpf.mapInfo(map.fd());
            assertEquals(MapType.RINGBUF.value(), info.type());
            assertEquals(1 << 16, info.maxEntries());
            assertEquals("AT_ringbuf_outp", info.name());
            assertThrows(UnsupportedOperationException.class, map::keys);
        }
    }

    @Test
    void badMapIsASysExceptionWithErrno() {
        // Array keys must be 4 bytes.
        var e = assertThrows(SysException.class, () -> BpfMap.create(new MapSpec("a", MapType.ARRAY, 8, 8, 1)));
        assertEquals("EINVAL", e.errnoName());
        assertEquals(22, e.errno());
        assertEquals("bpf(BPF_MAP_CREATE) failed: Invalid argument (EINVAL)", e.getMessage());
    }

    @Test
    void specRejectsBadRingBufferSize() {
        assertThrows(IllegalArgumentException.class, () -> new MapSpec("r", MapType.RINGBUF, 0, 0, 5000));
        assertThrows(IllegalArgumentException.class, () -> new MapSpec("r", MapType.RINGBUF, 4, 0, 4096));
    }

    @ParameterizedTest
    @CsvSource({
            "@bytes_read, AT_bytes_read",
            "@, AT_",
            "tracepoint:syscalls:sys_enter_read, tracepoint_sysca",
            "a.b_c9, a.b_c9",
            "x y\u00e9, x_y_",
    })
    void kernelNames(String in, String expected) {
        String out = KernelNames.sanitize(in);
        assertEquals(expected.length() > 15 ? expected.substring(0, 15) : expected, out);
        assertTrue(out.matches("[A-Za-z0-9_.]{0,15}"));
    }
}
