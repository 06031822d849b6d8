package jtrace.runtime;

/** The warning for updates dropped because a hash map was full, worded as bpftrace's. */
final class MapFullWarning {
    private MapFullWarning() {}

    static String text(long dropped) {
        return "WARNING: Map full; can't update element. Try increasing max_map_keys config ("
                + dropped + (dropped == 1 ? " update" : " updates") + " dropped)";
    }
}
