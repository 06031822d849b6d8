package jtrace.attach;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import jtrace.load.BpfMap;
import jtrace.load.BpfProgram;
import jtrace.load.MapSpec;
import jtrace.load.MapType;
import jtrace.load.ProgType;
import jtrace.load.ProgramSpec;
import jtrace.load.RawInsns;
import jtrace.sys.Bpf;
import jtrace.sys.Fd;
import jtrace.sys.Syscalls;
import jtrace.sys.UnknownTracepointException;
import org.junit.jupiter.api.Test;

class AttachTest {
    static final byte[] KEY0 = new byte[4];

    static long counter(BpfMap map) {
        return ByteBuffer.wrap(map.lookup(KEY0)).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    static long myPidTgid() {
        return (Syscalls.getpid() << 32) | Syscalls.gettid();
    }

    @Test
    void tracepointProgramCountsExactlyOurGetpidCalls() {
        int stats = Bpf.enableStats();
        try (var map = BpfMap.create(new MapSpec("@calls", MapType.ARRAY, 4, 8, 1));
             var prog = BpfProgram.load(new ProgramSpec("tracepoint:syscalls:sys_enter_getpid",
                     ProgType.TRACEPOINT, KernelPrograms.countCalls(map.fd(), myPidTgid()), "GPL"))) {
            try (var att = TracepointAttachment.attach(prog, "syscalls", "sys_enter_getpid")) {
                assertEquals("tracepoint:syscalls:sys_enter_getpid", att.target());
                for (int i = 0; i < 1234; i++) Syscalls.getpid();
            }
            assertEquals(1234, counter(map));
            var s = prog.stats();
            assertTrue(s.runCount() >= 1234, "run count " + s.runCount());
            assertTrue(s.runTimeNs() > 0);
            // Detached: further calls are not counted.
            for (int i = 0; i < 10; i++) Syscalls.getpid();
            assertEquals(1234, counter(map));
        } finally {
            Fd.close(stats);
        }
    }

    @Test
    void closingTwiceDetachesOnceAndLeavesOtherFdsAlone() {
        int stats = Bpf.enableStats();
        try (var map = BpfMap.create(new MapSpec("@calls", MapType.ARRAY, 4, 8, 1));
             var prog = BpfProgram.load(new ProgramSpec("tracepoint:syscalls:sys_enter_getpid",
                     ProgType.TRACEPOINT, KernelPrograms.countCalls(map.fd(), myPidTgid()), "GPL"))) {
            Attachment att = TracepointAttachment.attach(prog, "syscalls", "sys_enter_getpid");
            Syscalls.getpid();
            att.close();
            // The freed fd number is reused by the next open: a second close must not close that one.
            try (var other = TracepointAttachment.attach(prog, "syscalls", "sys_enter_getpid")) {
                att.close();
                Syscalls.getpid();
                assertEquals(2, counter(map), "the second attachment still counts");
            }
        } finally {
            Fd.close(stats);
        }
    }

    @Test
    void unknownTracepointHasClearMessage() {
        try (var prog = BpfProgram.load(new ProgramSpec("t", ProgType.TRACEPOINT, RawInsns.returning(0), "GPL"))) {
            var e = assertThrows(UnknownTracepointException.class,
                    () -> TracepointAttachment.attach(prog, "syscalls", "sys_enter_nosuchcall"));
            assertEquals("tracepoint not found: syscalls:sys_enter_nosuchcall", e.getMessage());
            assertThrows(UnknownTracepointException.class, () -> TracepointAttachment.attach(prog, "..", "x"));
        }
    }

    @Test
    void testRunExecutesRawTracepointProgramAndReturnsR0() {
        for (int ret : new int[] {0, 1, 42}) {
            try (var prog = BpfProgram.load(new ProgramSpec("BEGIN", ProgType.RAW_TRACEPOINT,
                    RawInsns.returning(ret), "GPL"))) {
                assertEquals(ret, TestRunTrigger.run(prog));
            }
        }
    }

    @Test
    void testRunCountsInMapFromCallingThread() {
        try (var map = BpfMap.create(new MapSpec("@n", MapType.ARRAY, 4, 8, 1));
             var prog = BpfProgram.load(new ProgramSpec("BEGIN", ProgType.RAW_TRACEPOINT,
                     KernelPrograms.countCalls(map.fd(), myPidTgid()), "GPL"))) {
            for (int i = 0; i < 3; i++) TestRunTrigger.run(prog);
            assertEquals(3, counter(map));
        }
    }

    @Test
    void testRunRefusesOtherProgramTypes() {
        try (var prog = BpfProgram.load(new ProgramSpec("t", ProgType.TRACEPOINT, RawInsns.returning(0), "GPL"))) {
            assertThrows(IllegalArgumentException.class, () -> TestRunTrigger.run(prog));
        }
    }

    @Test
    void cpuClockPerfEventRunsProgram() {
        try (var map = BpfMap.create(new MapSpec("@ticks", MapType.ARRAY, 4, 8, 1));
             var prog = BpfProgram.load(new ProgramSpec("profile:hz:997", ProgType.PERF_EVENT,
                     KernelPrograms.countCalls(map.fd(), 0), "GPL"))) {
            try (var att = PerfEventAttachment.everyNanos(prog, 1_000_000)) {
                assertTrue(att.eventCount() >= 1);
                long end = System.nanoTime() + 300_000_000L;
                long spin = 0;
                while (System.nanoTime() < end) spin++; // keep a CPU busy so its clock ticks
                assertTrue(spin > 0);
            }
            long ticks = counter(map);
            assertTrue(ticks > 50, "ticks " + ticks);
            long after = counter(map);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertEquals(after, counter(map), "no ticks after close");
        }
    }

    @Test
    void frequencyBasedPerfEvent() {
        try (var map = BpfMap.create(new MapSpec("@f", MapType.ARRAY, 4, 8, 1));
             var prog = BpfProgram.load(new ProgramSpec("profile", ProgType.PERF_EVENT,
                     KernelPrograms.countCalls(map.fd(), 0), "GPL"))) {
            try (var att = PerfEventAttachment.atFrequency(prog, 1000, List.of(0))) {
                assertEquals(1, att.eventCount());
                long end = System.nanoTime() + 200_000_000L;
                while (System.nanoTime() < end) Thread.onSpinWait();
            }
            long ticks = counter(map);
            assertTrue(ticks > 20, "ticks " + ticks); // about 200 expected
        }
    }
}
