package jtrace.sys;

/**
 * The parts of struct bpf_prog_info jtrace uses. {@code runTimeNs} and {@code runCount} only
 * advance while statistics are enabled ({@link Bpf#enableStats()} or sysctl kernel.bpf_stats_enabled).
 */
public record ProgInfo(int type, int id, String name, int xlatedProgLen, int jitedProgLen, long runTimeNs,
                       long runCount, long recursionMisses, int verifiedInsns) {
    /** Instructions after the verifier's rewrites (8 bytes each). */
    public int xlatedInsnCount() {
        return xlatedProgLen / 8;
    }
}
