package jtrace.runtime;

import java.util.List;

/** Where a run's results go, in one of bpftrace's formats (text now; JSON beside it). */
public interface Output {
    void printf(String text);

    /** print(@m, top, div) during the run. */
    void map(MapDump dump, int top, int div);

    /** print(value). */
    void value(Value v);

    /** time(fmt), already formatted. */
    void time(String text);

    /** join(): the joined strings, a line of their own. */
    void join(String text);

    /** errorf()/warnf(): a diagnostic, location and source excerpt included; it goes to stderr in every format. */
    default void message(String text) {
        System.err.print(text);
        System.err.flush();
    }

    /** The maps printed at exit. */
    void exitMaps(List<MapDump> maps);

    void lostEvents(long n);

    /**
     * n updates of full hash maps were dropped since the last report (bpf_map_update_elem returned
     * -E2BIG). bpftrace warns once per failed update; jtrace counts them in the kernel and warns
     * with the count. JSON keeps its stream for records, so the warning goes to stderr.
     */
    default void mapFull(long n) { System.err.println(MapFullWarning.text(n)); }

    /** "Attached N probes": text goes to stderr, JSON to the output stream. */
    void attachedProbes(int n);

    void flush();

    /** True once the output can no longer be written (a closed pipe): the run should end, as bpftrace dies of SIGPIPE. */
    boolean broken();
}
