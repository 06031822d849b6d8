package jtrace.runtime;

import jtrace.asm.Assembled;
import jtrace.asm.Assembler;
import jtrace.codegen.CompiledProbe;
import jtrace.codegen.CompiledProgram;
import jtrace.codegen.MapDef;
import jtrace.load.BpfMap;
import jtrace.load.BpfProgram;
import jtrace.load.MapSpec;
import jtrace.load.MapType;
import jtrace.load.ProgType;
import jtrace.load.ProgramSpec;
import jtrace.sema.ProbeTarget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kernel objects of one compiled program: its maps and one loaded program per probe. */
public final class LoadedProgram implements AutoCloseable {
    private final CompiledProgram compiled;
    private final Map<String, BpfMap> maps = new LinkedHashMap<>();
    private final List<BpfProgram> programs = new ArrayList<>();

    private LoadedProgram(CompiledProgram compiled) { this.compiled = compiled; }

    /** Creates every map and loads every program; on any failure closes what it made and rethrows. */
    public static LoadedProgram load(CompiledProgram compiled) {
        return load(compiled, null);
    }

    /**
     * As {@link #load(CompiledProgram)}, taking the output ring from {@code early} when it was made
     * the size this program asks for.
     */
    public static LoadedProgram load(CompiledProgram compiled, EarlyRingBuffer early) {
        LoadedProgram lp = new LoadedProgram(compiled);
        try {
            // Assembled first: until the native call path is ready (see EarlyRingBuffer) no map can be made anyway.
            List<Assembled> code = new ArrayList<>();
            for (CompiledProbe probe : compiled.probes()) code.add(Assembler.assemble(probe.insns()));
            PhaseTimer.mark("assemble");
            for (MapDef def : compiled.maps()) {
                MapSpec spec = spec(def);
                BpfMap made = early != null && spec.type() == MapType.RINGBUF ? early.takeMap(spec) : null;
                lp.maps.put(def.name(), made != null ? made : BpfMap.create(spec));
            }
            BpfMap counters = lp.maps.get(CompiledProgram.LOST_COUNTER);
            if (counters != null) counters.update(new byte[4], CompiledProgram.counterInitialValue());
            PhaseTimer.mark("maps");
            for (int i = 0; i < code.size(); i++) {
                CompiledProbe probe = compiled.probes().get(i);
                byte[] patched = code.get(i).withMapFds(name -> lp.maps.get(name).fd());
                if (probe.target() instanceof ProbeTarget.Kernel k) {
                    lp.programs.add(KernelProgramLoader.load(probe.name(), k, patched, "GPL"));
                    continue;
                }
                lp.programs.add(BpfProgram.load(new ProgramSpec(probe.name(), progType(probe.target()), patched, "GPL")));
            }
            return lp;
        } catch (RuntimeException | Error e) {
            lp.close();
            throw e;
        }
    }

    static MapSpec spec(MapDef def) {
        MapType type = switch (def.kind()) {
            case HASH -> MapType.HASH;
            case PERCPU_HASH -> MapType.PERCPU_HASH;
            case ARRAY -> MapType.ARRAY;
            case PERCPU_ARRAY -> MapType.PERCPU_ARRAY;
            case RINGBUF -> MapType.RINGBUF;
            case STACK_TRACE -> MapType.STACK_TRACE;
            case LRU_HASH -> MapType.LRU_HASH;
            case LRU_PERCPU_HASH -> MapType.LRU_PERCPU_HASH;
        };
        return new MapSpec(def.name(), type, def.keySize(), def.valueSize(), def.maxEntries());
    }

    /** begin/end run through BPF_PROG_TEST_RUN, which raw tracepoint programs support. */
    public static ProgType progType(ProbeTarget target) {
        return switch (target) {
            case ProbeTarget.Begin b -> ProgType.RAW_TRACEPOINT;
            case ProbeTarget.End e -> ProgType.RAW_TRACEPOINT;
            case ProbeTarget.SelfSignal s -> ProgType.RAW_TRACEPOINT;
            case ProbeTarget.Tracepoint t -> ProgType.TRACEPOINT;
            case ProbeTarget.RawTracepoint r -> ProgType.RAW_TRACEPOINT;
            case ProbeTarget.Interval i -> ProgType.PERF_EVENT;
            case ProbeTarget.Profile p -> ProgType.PERF_EVENT;
            case ProbeTarget.Software s -> ProgType.PERF_EVENT;
            case ProbeTarget.Hardware h -> ProgType.PERF_EVENT;
            case ProbeTarget.Uprobe u -> ProgType.KPROBE;
            case ProbeTarget.Usdt u -> ProgType.KPROBE;
            case ProbeTarget.Kernel k -> KernelProgramLoader.progType(k);
        };
    }

    public CompiledProgram compiled() { return compiled; }

    public BpfMap map(String name) { return maps.get(name); }

    /** The loaded programs, in the order of {@link CompiledProgram#probes()}. */
    public List<BpfProgram> programs() { return programs; }

    @Override
    public void close() {
        for (BpfProgram p : programs) p.close();
        for (BpfMap m : maps.values()) m.close();
        programs.clear();
        maps.clear();
    }
}
