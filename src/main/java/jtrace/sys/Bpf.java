package jtrace.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

import static jtrace.sys.BpfLayouts.*;

/** bpf(2), one static method per command we use. Every failure is a {@link SysException}. */
public final class Bpf {
    private Bpf() {}

    static final long SYS_BPF = 321; // __NR_bpf on x86_64

    // enum bpf_cmd
    public static final int BPF_MAP_CREATE = 0, BPF_MAP_LOOKUP_ELEM = 1, BPF_MAP_UPDATE_ELEM = 2,
            BPF_MAP_DELETE_ELEM = 3, BPF_MAP_GET_NEXT_KEY = 4, BPF_PROG_LOAD = 5, BPF_PROG_TEST_RUN = 10,
            BPF_PROG_GET_NEXT_ID = 11, BPF_MAP_GET_NEXT_ID = 12, BPF_OBJ_GET_INFO_BY_FD = 15,
            BPF_LINK_GET_NEXT_ID = 31, BPF_ENABLE_STATS = 32;
    public static final int BPF_RAW_TRACEPOINT_OPEN = 17;
    public static final int BPF_BTF_LOAD = 18;
    public static final int BPF_LINK_CREATE = 28, BPF_ITER_CREATE = 33;
    // enum bpf_attach_type, for tracing programs
    public static final int BPF_TRACE_FENTRY = 24, BPF_TRACE_FEXIT = 25, BPF_TRACE_ITER = 28;

    // update flags
    public static final long BPF_ANY = 0, BPF_NOEXIST = 1, BPF_EXIST = 2;

    /** enum bpf_stats_type. */
    public static final int BPF_STATS_RUN_TIME = 0;

    private static final String[] CMD_NAMES = new String[40];

    static {
        CMD_NAMES[BPF_MAP_CREATE] = "BPF_MAP_CREATE";
        CMD_NAMES[BPF_MAP_LOOKUP_ELEM] = "BPF_MAP_LOOKUP_ELEM";
        CMD_NAMES[BPF_MAP_UPDATE_ELEM] = "BPF_MAP_UPDATE_ELEM";
        CMD_NAMES[BPF_MAP_DELETE_ELEM] = "BPF_MAP_DELETE_ELEM";
        CMD_NAMES[BPF_MAP_GET_NEXT_KEY] = "BPF_MAP_GET_NEXT_KEY";
        CMD_NAMES[BPF_PROG_LOAD] = "BPF_PROG_LOAD";
        CMD_NAMES[BPF_PROG_TEST_RUN] = "BPF_PROG_TEST_RUN";
        CMD_NAMES[BPF_PROG_GET_NEXT_ID] = "BPF_PROG_GET_NEXT_ID";
        CMD_NAMES[BPF_MAP_GET_NEXT_ID] = "BPF_MAP_GET_NEXT_ID";
        CMD_NAMES[BPF_OBJ_GET_INFO_BY_FD] = "BPF_OBJ_GET_INFO_BY_FD";
        CMD_NAMES[BPF_LINK_GET_NEXT_ID] = "BPF_LINK_GET_NEXT_ID";
        CMD_NAMES[BPF_ENABLE_STATS] = "BPF_ENABLE_STATS";
        CMD_NAMES[BPF_RAW_TRACEPOINT_OPEN] = "BPF_RAW_TRACEPOINT_OPEN";
        CMD_NAMES[BPF_BTF_LOAD] = "BPF_BTF_LOAD";
        CMD_NAMES[BPF_LINK_CREATE] = "BPF_LINK_CREATE";
        CMD_NAMES[BPF_ITER_CREATE] = "BPF_ITER_CREATE";
    }

    static String op(int cmd) {
        return "bpf(" + CMD_NAMES[cmd] + ")";
    }

    /** bpf(cmd, attr, size): the result, or -errno. */
    private static long raw(int cmd, Struct attr) {
        long r = Libc.syscall(SYS_BPF, cmd, attr.seg.address(), attr.size());
        return r < 0 ? -Libc.errno() : r;
    }

    private static long call(int cmd, Struct attr) {
        long r = raw(cmd, attr);
        if (r < 0) throw new SysException(op(cmd), (int) -r);
        return r;
    }

    private static MemorySegment bytes(Arena arena, byte[] b) {
        return arena.allocateFrom(ValueLayout.JAVA_BYTE, b);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** BPF_MAP_CREATE; returns the map fd. {@code name} must already be a valid kernel object name. */
    public static int mapCreate(int mapType, int keySize, int valueSize, int maxEntries, int flags, String name) {
        try (var arena = Arena.ofConfined()) {
            var attr = new Struct(arena, MAP_CREATE)
                    .set("map_type", mapType).set("key_size", keySize).set("value_size", valueSize)
                    .set("max_entries", maxEntries).set("map_flags", flags)
                    .setBytes("map_name", ascii(name));
            return (int) call(BPF_MAP_CREATE, attr);
        }
    }

    /** BPF_MAP_LOOKUP_ELEM into {@code valueOut}; false when the key is absent. */
    public static boolean mapLookup(int mapFd, byte[] key, byte[] valueOut) {
        try (var arena = Arena.ofConfined()) {
            var value = arena.allocate(valueOut.length);
            var attr = new Struct(arena, MAP_ELEM).set("map_fd", mapFd)
                    .set("key", bytes(arena, key)).set("value", value);
            long r = raw(BPF_MAP_LOOKUP_ELEM, attr);
            if (r == -Errno.ENOENT) return false;
            if (r < 0) throw new SysException(op(BPF_MAP_LOOKUP_ELEM), (int) -r);
            MemorySegment.copy(value, ValueLayout.JAVA_BYTE, 0, valueOut, 0, valueOut.length);
            return true;
        }
    }

    /** BPF_MAP_UPDATE_ELEM with {@link #BPF_ANY}, {@link #BPF_NOEXIST} or {@link #BPF_EXIST}. */
    public static void mapUpdate(int mapFd, byte[] key, byte[] value, long flags) {
        try (var arena = Arena.ofConfined()) {
            var attr = new Struct(arena, MAP_ELEM).set("map_fd", mapFd)
                    .set("key", bytes(arena, key)).set("value", bytes(arena, value)).set("flags", flags);
            call(BPF_MAP_UPDATE_ELEM, attr);
        }
    }

    /** BPF_MAP_DELETE_ELEM; false when the key was absent. */
    public static boolean mapDelete(int mapFd, byte[] key) {
        try (var arena = Arena.ofConfined()) {
            var attr = new Struct(arena, MAP_ELEM).set("map_fd", mapFd).set("key", bytes(arena, key));
            long r = raw(BPF_MAP_DELETE_ELEM, attr);
            if (r == -Errno.ENOENT) return false;
            if (r < 0) throw new SysException(op(BPF_MAP_DELETE_ELEM), (int) -r);
            return true;
        }
    }

    /**
     * BPF_MAP_GET_NEXT_KEY: the key after {@code key} ({@code null}: the first key) into
     * {@code nextOut}; false when there is none.
     */
    public static boolean mapGetNextKey(int mapFd, byte[] key, byte[] nextOut) {
        try (var arena = Arena.ofConfined()) {
            var next = arena.allocate(Math.max(1, nextOut.length));
            var attr = new Struct(arena, MAP_ELEM).set("map_fd", mapFd)
                    .set("key", key == null ? MemorySegment.NULL : bytes(arena, key)).set("value", next);
            long r = raw(BPF_MAP_GET_NEXT_KEY, attr);
            if (r == -Errno.ENOENT) return false;
            if (r < 0) throw new SysException(op(BPF_MAP_GET_NEXT_KEY), (int) -r);
            MemorySegment.copy(next, ValueLayout.JAVA_BYTE, 0, nextOut, 0, nextOut.length);
            return true;
        }
    }

    /**
     * BPF_PROG_LOAD of encoded instructions (8 bytes each). With {@code logLevel > 0} the verifier
     * writes into a buffer of {@code logSize} bytes, which a failure carries in {@link ProgLoadException#log()}.
     */
    public static int progLoad(int progType, byte[] insns, String license, String name, int expectedAttachType,
                               int logLevel, int logSize) {
        return progLoad(progType, insns, license, name, expectedAttachType, 0, logLevel, logSize, -1, null);
    }

    /**
     * BPF_PROG_LOAD. {@code attachBtfId}: the BTF id of the function or iterator a tracing program
     * attaches to (0: none). {@code btfFd} from {@link #btfLoad} and {@code funcInfo} the
     * {@code struct bpf_func_info} records (insn_off, type_id; 8 bytes each), one per subprogram, which
     * the verifier requires as soon as code takes a subprogram's address (callbacks); -1/null: none.
     */
    public static int progLoad(int progType, byte[] insns, String license, String name, int expectedAttachType,
                               int attachBtfId, int logLevel, int logSize, int btfFd, byte[] funcInfo) {
        if (insns.length % 8 != 0) throw new IllegalArgumentException("instructions are 8 bytes each");
        try (var arena = Arena.ofConfined()) {
            var log = logLevel > 0 ? arena.allocate(logSize) : MemorySegment.NULL;
            var attr = new Struct(arena, PROG_LOAD)
                    .set("prog_type", progType).set("insn_cnt", insns.length / 8)
                    .set("insns", bytes(arena, insns)).set("license", arena.allocateFrom(license))
                    .set("log_level", logLevel).set("log_size", logLevel > 0 ? logSize : 0).set("log_buf", log)
                    .set("expected_attach_type", expectedAttachType).set("attach_btf_id", attachBtfId)
                    .setBytes("prog_name", ascii(name));
            if (btfFd >= 0 && funcInfo != null) {
                attr.set("prog_btf_fd", btfFd).set("func_info_rec_size", 8)
                        .set("func_info", bytes(arena, funcInfo)).set("func_info_cnt", funcInfo.length / 8);
            }
            long r = 0;
            // The kernel may ask to retry (EAGAIN) when it is short of memory for verification.
            for (int attempt = 0; attempt < 5; attempt++) {
                r = raw(BPF_PROG_LOAD, attr);
                if (r != -Errno.EAGAIN) break;
            }
            if (r < 0) {
                String text = logLevel > 0 ? log.getString(0) : "";
                throw new ProgLoadException((int) -r, text);
            }
            return (int) r;
        }
    }

    /** BPF_RAW_TRACEPOINT_OPEN: attaches a raw tracepoint program to the named tracepoint; returns the fd that keeps it attached. */
    public static int rawTracepointOpen(String name, int progFd) {
        try (var arena = Arena.ofConfined()) {
            var attr = new Struct(arena, RAW_TRACEPOINT_OPEN).set("name", arena.allocateFrom(name)).set("prog_fd", progFd);
            return (int) call(BPF_RAW_TRACEPOINT_OPEN, attr);
        }
    }

    /** BPF_BTF_LOAD of a raw BTF blob; returns its fd. */
    public static int btfLoad(byte[] btf) {
        try (var arena = Arena.ofConfined()) {
            var attr = new Struct(arena, BTF_LOAD).set("btf", bytes(arena, btf)).set("btf_size", btf.length);
            return (int) call(BPF_BTF_LOAD, attr);
        }
    }

    /**
     * BPF_LINK_CREATE of a tracing program (fentry, fexit, iterator) at the BTF id it was loaded
     * with; returns the link fd, which keeps it attached until closed.
     */
    public static int linkCreate(int progFd, int attachType) {
        try (var arena = Arena.ofConfined()) {
            var attr = new Struct(arena, LINK_CREATE).set("prog_fd", progFd).set("attach_type", attachType);
            return (int) call(BPF_LINK_CREATE, attr);
        }
    }

    /** BPF_ITER_CREATE: a new run of an iterator link; reading the returned fd runs the program per object. */
    public static int iterCreate(int linkFd) {
        try (var arena = Arena.ofConfined()) {
            return (int) call(BPF_ITER_CREATE, new Struct(arena, ITER_CREATE).set("link_fd", linkFd));
        }
    }

    /** Reads {@code fd} to its end, discarding the bytes; returns how many there were. */
    public static long drain(int fd) {
        try (var arena = Arena.ofConfined()) {
            var buf = arena.allocate(4096);
            long total = 0;
            while (true) {
                long n = Libc.read(fd, buf, buf.byteSize());
                if (n < 0) {
                    int errno = Libc.errno();
                    if (errno == Errno.EINTR || errno == Errno.EAGAIN) continue;
                    throw new SysException("read(iterator)", errno);
                }
                if (n == 0) return total;
                total += n;
            }
        }
    }

    /**
     * BPF_PROG_TEST_RUN once with no data and the given context (null: none, as raw tracepoint
     * programs accept); returns the program's return value.
     */
    public static int progTestRun(int progFd, byte[] ctx) {
        try (var arena = Arena.ofConfined()) {
            var attr = new Struct(arena, TEST_RUN).set("prog_fd", progFd);
            if (ctx != null) attr.set("ctx_in", bytes(arena, ctx)).set("ctx_size_in", ctx.length);
            call(BPF_PROG_TEST_RUN, attr);
            return attr.getInt("retval");
        }
    }

    /** BPF_OBJ_GET_INFO_BY_FD for a program. */
    public static ProgInfo progInfo(int progFd) {
        try (var arena = Arena.ofConfined()) {
            var info = getInfo(arena, progFd, PROG_INFO);
            return new ProgInfo(info.getInt("type"), info.getInt("id"), name(info), info.getInt("xlated_prog_len"),
                    info.getInt("jited_prog_len"), info.getLong("run_time_ns"), info.getLong("run_cnt"),
                    info.getLong("recursion_misses"), info.getInt("verified_insns"));
        }
    }

    /** BPF_OBJ_GET_INFO_BY_FD for a map. */
    public static MapInfo mapInfo(int mapFd) {
        try (var arena = Arena.ofConfined()) {
            var info = getInfo(arena, mapFd, MAP_INFO);
            return new MapInfo(info.getInt("type"), info.getInt("id"), info.getInt("key_size"),
                    info.getInt("value_size"), info.getInt("max_entries"), info.getInt("map_flags"), name(info));
        }
    }

    private static Struct getInfo(Arena arena, int fd, java.lang.foreign.StructLayout layout) {
        var info = new Struct(arena, layout);
        var attr = new Struct(arena, INFO).set("bpf_fd", fd).set("info_len", info.size()).set("info", info.seg);
        call(BPF_OBJ_GET_INFO_BY_FD, attr);
        return info;
    }

    private static String name(Struct info) {
        long off = info.layout.byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement("name"));
        return info.seg.asSlice(off, BPF_OBJ_NAME_LEN).getString(0, StandardCharsets.US_ASCII);
    }

    /**
     * BPF_ENABLE_STATS(BPF_STATS_RUN_TIME): run_cnt and run_time_ns are collected while the
     * returned fd is open; close it with {@link Fd#close(int)}.
     */
    public static int enableStats() {
        try (var arena = Arena.ofConfined()) {
            return (int) call(BPF_ENABLE_STATS, new Struct(arena, ENABLE_STATS).set("type", BPF_STATS_RUN_TIME));
        }
    }

    /** Ids of all programs loaded in the kernel (BPF_PROG_GET_NEXT_ID walk). */
    public static List<Integer> progIds() {
        return ids(BPF_PROG_GET_NEXT_ID);
    }

    /** Ids of all maps in the kernel (BPF_MAP_GET_NEXT_ID walk). */
    public static List<Integer> mapIds() {
        return ids(BPF_MAP_GET_NEXT_ID);
    }

    /** Ids of all links in the kernel (BPF_LINK_GET_NEXT_ID walk). */
    public static List<Integer> linkIds() {
        return ids(BPF_LINK_GET_NEXT_ID);
    }

    private static List<Integer> ids(int cmd) {
        var out = new ArrayList<Integer>();
        try (var arena = Arena.ofConfined()) {
            var attr = new Struct(arena, GET_ID);
            IntUnaryOperator next = start -> {
                attr.set("start_id", start).set("next_id", 0);
                long r = raw(cmd, attr);
                if (r == -Errno.ENOENT) return 0;
                if (r < 0) throw new SysException(op(cmd), (int) -r);
                return attr.getInt("next_id");
            };
            for (int id = next.applyAsInt(0); id != 0; id = next.applyAsInt(id)) out.add(id);
        }
        return out;
    }
}
