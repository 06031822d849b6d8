package jtrace.sema;

import java.util.List;
import java.util.Optional;

/**
 * A software or hardware perf event as bpftrace names it ({@code software:cpu-clock:},
 * alias {@code cpu}), its perf config number, and the sample period used when the probe gives none.
 */
public record PerfEventDef(String name, String alias, long config, long defaultCount) {

    // enum perf_sw_ids (linux/perf_event.h)
    static final long PERF_COUNT_SW_CPU_CLOCK = 0, PERF_COUNT_SW_TASK_CLOCK = 1, PERF_COUNT_SW_PAGE_FAULTS = 2,
            PERF_COUNT_SW_CONTEXT_SWITCHES = 3, PERF_COUNT_SW_CPU_MIGRATIONS = 4, PERF_COUNT_SW_PAGE_FAULTS_MIN = 5,
            PERF_COUNT_SW_PAGE_FAULTS_MAJ = 6, PERF_COUNT_SW_ALIGNMENT_FAULTS = 7, PERF_COUNT_SW_EMULATION_FAULTS = 8,
            PERF_COUNT_SW_DUMMY = 9, PERF_COUNT_SW_BPF_OUTPUT = 10;
    // enum perf_hw_id
    static final long PERF_COUNT_HW_CPU_CYCLES = 0, PERF_COUNT_HW_INSTRUCTIONS = 1, PERF_COUNT_HW_CACHE_REFERENCES = 2,
            PERF_COUNT_HW_CACHE_MISSES = 3, PERF_COUNT_HW_BRANCH_INSTRUCTIONS = 4, PERF_COUNT_HW_BRANCH_MISSES = 5,
            PERF_COUNT_HW_BUS_CYCLES = 6, PERF_COUNT_HW_STALLED_CYCLES_FRONTEND = 7,
            PERF_COUNT_HW_STALLED_CYCLES_BACKEND = 8, PERF_COUNT_HW_REF_CPU_CYCLES = 9;

    /** bpftrace's software events, in its order. */
    public static final List<PerfEventDef> SOFTWARE = List.of(
            new PerfEventDef("alignment-faults", "", PERF_COUNT_SW_ALIGNMENT_FAULTS, 1),
            new PerfEventDef("bpf-output", "", PERF_COUNT_SW_BPF_OUTPUT, 1),
            new PerfEventDef("context-switches", "cs", PERF_COUNT_SW_CONTEXT_SWITCHES, 1000),
            new PerfEventDef("cpu-clock", "cpu", PERF_COUNT_SW_CPU_CLOCK, 1000000),
            new PerfEventDef("cpu-migrations", "", PERF_COUNT_SW_CPU_MIGRATIONS, 1),
            new PerfEventDef("dummy", "", PERF_COUNT_SW_DUMMY, 1),
            new PerfEventDef("emulation-faults", "", PERF_COUNT_SW_EMULATION_FAULTS, 1),
            new PerfEventDef("major-faults", "", PERF_COUNT_SW_PAGE_FAULTS_MAJ, 1),
            new PerfEventDef("minor-faults", "", PERF_COUNT_SW_PAGE_FAULTS_MIN, 100),
            new PerfEventDef("page-faults", "faults", PERF_COUNT_SW_PAGE_FAULTS, 100),
            new PerfEventDef("task-clock", "", PERF_COUNT_SW_TASK_CLOCK, 1));

    /** bpftrace's hardware events, in its order. */
    public static final List<PerfEventDef> HARDWARE = List.of(
            new PerfEventDef("backend-stalls", "", PERF_COUNT_HW_STALLED_CYCLES_BACKEND, 1000000),
            new PerfEventDef("branch-instructions", "branches", PERF_COUNT_HW_BRANCH_INSTRUCTIONS, 100000),
            new PerfEventDef("branch-misses", "", PERF_COUNT_HW_BRANCH_MISSES, 100000),
            new PerfEventDef("bus-cycles", "", PERF_COUNT_HW_BUS_CYCLES, 100000),
            new PerfEventDef("cache-misses", "", PERF_COUNT_HW_CACHE_MISSES, 1000000),
            new PerfEventDef("cache-references", "", PERF_COUNT_HW_CACHE_REFERENCES, 1000000),
            new PerfEventDef("cpu-cycles", "cycles", PERF_COUNT_HW_CPU_CYCLES, 1000000),
            new PerfEventDef("frontend-stalls", "", PERF_COUNT_HW_STALLED_CYCLES_FRONTEND, 1000000),
            new PerfEventDef("instructions", "", PERF_COUNT_HW_INSTRUCTIONS, 1000000),
            new PerfEventDef("ref-cycles", "", PERF_COUNT_HW_REF_CPU_CYCLES, 1000000));

    /** The event called {@code nameOrAlias} in {@code table}. */
    public static Optional<PerfEventDef> find(List<PerfEventDef> table, String nameOrAlias) {
        return table.stream()
                .filter(e -> e.name.equals(nameOrAlias) || (!e.alias.isEmpty() && e.alias.equals(nameOrAlias)))
                .findFirst();
    }
}
