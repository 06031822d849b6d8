package jtrace.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import jtrace.attach.KernelPrograms;
import jtrace.attach.PerfEventAttachment;
import jtrace.attach.TestRunTrigger;
import jtrace.attach.TracepointAttachment;
import jtrace.load.BpfMap;
import jtrace.load.BpfProgram;
import jtrace.load.MapSpec;
import jtrace.load.MapType;
import jtrace.load.ProgType;
import jtrace.load.ProgramSpec;
import jtrace.sys.Bpf;
import org.junit.jupiter.api.Test;

/**
 * After closing everything, no program or map created here remains in the kernel. Compares by
 * the ids of our own objects, as other processes may load BPF objects meanwhile.
 */
class ObjectLeakTest {
    @Test
    void closingReleasesAllKernelObjects() throws Exception {
        List<Integer> myProgs = new ArrayList<>();
        List<Integer> myMaps = new ArrayList<>();

        try (var counts = BpfMap.create(new MapSpec("@c", MapType.ARRAY, 4, 8, 1));
             var hash = BpfMap.create(new MapSpec("@h", MapType.PERCPU_HASH, 8, 8, 16));
             var ring = BpfMap.create(new MapSpec("rb", MapType.RINGBUF, 0, 0, 4096));
             var tp = BpfProgram.load(new ProgramSpec("tp", ProgType.TRACEPOINT,
                     KernelPrograms.countCalls(counts.fd(), 0), "GPL"));
             var pe = BpfProgram.load(new ProgramSpec("pe", ProgType.PERF_EVENT,
                     KernelPrograms.countCalls(counts.fd(), 0), "GPL"));
             var begin = BpfProgram.load(new ProgramSpec("BEGIN", ProgType.RAW_TRACEPOINT,
                     KernelPrograms.emitPidTgid(ring.fd(), 1, true, 0), "GPL"));
             var reader = new RingBufferReader(ring);
             var a1 = TracepointAttachment.attach(tp, "syscalls", "sys_enter_getpid");
             var a2 = PerfEventAttachment.everyNanos(pe, 10_000_000)) {
            for (var m : List.of(counts, hash, ring)) myMaps.add(Bpf.mapInfo(m.fd()).id());
            for (var p : List.of(tp, pe, begin)) myProgs.add(p.stats().id());
            assertEquals("tracepoint:syscalls:sys_enter_getpid", a1.target());
            assertTrue(a2.eventCount() >= 1);
            TestRunTrigger.run(begin);
            assertEquals(1, reader.drain(b -> {}));
            assertTrue(Bpf.progIds().containsAll(myProgs));
            assertTrue(Bpf.mapIds().containsAll(myMaps));
        }

        // Programs are freed at once, their maps after an RCU grace period: allow a moment.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            var progs = Bpf.progIds();
            var maps = Bpf.mapIds();
            boolean clean = myProgs.stream().noneMatch(progs::contains) && myMaps.stream().noneMatch(maps::contains);
            if (clean) break;
            if (System.nanoTime() > deadline) {
                fail("leaked programs " + myProgs.stream().filter(progs::contains).toList()
                        + ", maps " + myMaps.stream().filter(maps::contains).toList());
            }
            Thread.sleep(20);
        }
    }
}
