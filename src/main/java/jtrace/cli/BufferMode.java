package jtrace.cli;

/** -B: when program output is written out (bpftrace's default is line). */
enum BufferMode {
    /** At every write. */
    NONE,
    /** At each newline, or when the buffer is full. */
    LINE,
    /** Only when the buffer is full, and at exit. */
    FULL;

    static BufferMode parse(String s) throws Options.UsageException {
        return switch (s) {
            case "none" -> NONE;
            case "line" -> LINE;
            case "full" -> FULL;
            default -> throw new Options.UsageException("USAGE: -B must be either 'line', 'full', or 'none'.", false);
        };
    }
}
