package jtrace.load;

/**
 * Kernel statistics of a loaded program. Run count and time advance only while BPF statistics
 * are enabled ({@link jtrace.sys.Bpf#enableStats()}).
 */
public record ProgramStats(int id, long runCount, long runTimeNs, int xlatedInsns, int verifiedInsns) {}
