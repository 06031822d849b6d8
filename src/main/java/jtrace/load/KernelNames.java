package jtrace.load;

/** Kernel object names: at most 15 characters of [A-Za-z0-9_.]. */
public final class KernelNames {
    private KernelNames() {}

    static final int MAX = 15; // BPF_OBJ_NAME_LEN - 1

    /** E.g. {@code @bytes_read} -> {@code AT_bytes_read}, {@code tracepoint:syscalls:x} -> {@code tracepoint_sysc}. */
    public static String sanitize(String name) {
        var sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c == '@') sb.append("AT_");
            else if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.')) sb.append(c);
            else sb.append('_');
        }
        return sb.length() > MAX ? sb.substring(0, MAX) : sb.toString();
    }
}
