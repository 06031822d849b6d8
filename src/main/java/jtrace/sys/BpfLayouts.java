package jtrace.sys;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * The members of {@code union bpf_attr} we use, one struct per command, and the info structs,
 * transcribed from linux/bpf.h. Padding is explicit; StructLayout rejects misaligned fields.
 */
final class BpfLayouts {
    private BpfLayouts() {}

    static final int BPF_OBJ_NAME_LEN = 16;

    private static MemoryLayout u32(String name) {
        return ValueLayout.JAVA_INT.withName(name);
    }

    private static MemoryLayout u64(String name) {
        return ValueLayout.JAVA_LONG.withName(name);
    }

    private static MemoryLayout chars(String name, int n) {
        return MemoryLayout.sequenceLayout(n, ValueLayout.JAVA_BYTE).withName(name);
    }

    private static MemoryLayout pad(int bytes) {
        return MemoryLayout.paddingLayout(bytes);
    }

    /** BPF_MAP_CREATE. */
    static final StructLayout MAP_CREATE = MemoryLayout.structLayout(
            u32("map_type"), u32("key_size"), u32("value_size"), u32("max_entries"), u32("map_flags"),
            u32("inner_map_fd"), u32("numa_node"), chars("map_name", BPF_OBJ_NAME_LEN), u32("map_ifindex"),
            u32("btf_fd"), u32("btf_key_type_id"), u32("btf_value_type_id"), u32("btf_vmlinux_value_type_id"),
            u64("map_extra"));

    /** BPF_MAP_LOOKUP_ELEM, BPF_MAP_UPDATE_ELEM, BPF_MAP_DELETE_ELEM, BPF_MAP_GET_NEXT_KEY ("value" is also next_key). */
    static final StructLayout MAP_ELEM = MemoryLayout.structLayout(
            u32("map_fd"), pad(4), u64("key"), u64("value"), u64("flags"));

    /** BPF_PROG_LOAD. log_true_size arrived in 6.4; older kernels accept it as long as it is zero. */
    static final StructLayout PROG_LOAD = MemoryLayout.structLayout(
            u32("prog_type"), u32("insn_cnt"), u64("insns"), u64("license"), u32("log_level"), u32("log_size"),
            u64("log_buf"), u32("kern_version"), u32("prog_flags"), chars("prog_name", BPF_OBJ_NAME_LEN),
            u32("prog_ifindex"), u32("expected_attach_type"), u32("prog_btf_fd"), u32("func_info_rec_size"),
            u64("func_info"), u32("func_info_cnt"), u32("line_info_rec_size"), u64("line_info"),
            u32("line_info_cnt"), u32("attach_btf_id"), u32("attach_prog_fd"), u32("core_relo_cnt"),
            u64("fd_array"), u64("core_relos"), u32("core_relo_rec_size"), u32("log_true_size"));

    /** BPF_BTF_LOAD. */
    static final StructLayout BTF_LOAD = MemoryLayout.structLayout(
            u64("btf"), u64("btf_log_buf"), u32("btf_size"), u32("btf_log_size"), u32("btf_log_level"),
            u32("btf_log_true_size"));

    /** BPF_PROG_TEST_RUN. */
    static final StructLayout TEST_RUN = MemoryLayout.structLayout(
            u32("prog_fd"), u32("retval"), u32("data_size_in"), u32("data_size_out"), u64("data_in"),
            u64("data_out"), u32("repeat"), u32("duration"), u32("ctx_size_in"), u32("ctx_size_out"),
            u64("ctx_in"), u64("ctx_out"), u32("flags"), u32("cpu"), u32("batch_size"), pad(4));

    /** BPF_*_GET_NEXT_ID and BPF_*_GET_FD_BY_ID ("start_id" is also prog_id/map_id/link_id). */
    static final StructLayout GET_ID = MemoryLayout.structLayout(
            u32("start_id"), u32("next_id"), u32("open_flags"));

    /** BPF_OBJ_GET_INFO_BY_FD. */
    static final StructLayout INFO = MemoryLayout.structLayout(
            u32("bpf_fd"), u32("info_len"), u64("info"));

    /** BPF_RAW_TRACEPOINT_OPEN. */
    static final StructLayout RAW_TRACEPOINT_OPEN = MemoryLayout.structLayout(
            u64("name"), u32("prog_fd"), pad(4), u64("cookie"));
    /** BPF_LINK_CREATE; "iter_info" is also target_btf_id (tracing), "iter_info_len" the low half of the cookie. */
    static final StructLayout LINK_CREATE = MemoryLayout.structLayout(
            u32("prog_fd"), u32("target_fd"), u32("attach_type"), u32("flags"), u64("iter_info"),
            u32("iter_info_len"), pad(4));

    /** BPF_ITER_CREATE. */
    static final StructLayout ITER_CREATE = MemoryLayout.structLayout(u32("link_fd"), u32("flags"));

    /** BPF_ENABLE_STATS. */
    static final StructLayout ENABLE_STATS = MemoryLayout.structLayout(u32("type"));

    /** struct bpf_prog_info. */
    static final StructLayout PROG_INFO = MemoryLayout.structLayout(
            u32("type"), u32("id"), chars("tag", 8), u32("jited_prog_len"), u32("xlated_prog_len"),
            u64("jited_prog_insns"), u64("xlated_prog_insns"), u64("load_time"), u32("created_by_uid"),
            u32("nr_map_ids"), u64("map_ids"), chars("name", BPF_OBJ_NAME_LEN), u32("ifindex"),
            u32("gpl_compatible"), u64("netns_dev"), u64("netns_ino"), u32("nr_jited_ksyms"),
            u32("nr_jited_func_lens"), u64("jited_ksyms"), u64("jited_func_lens"), u32("btf_id"),
            u32("func_info_rec_size"), u64("func_info"), u32("nr_func_info"), u32("nr_line_info"),
            u64("line_info"), u64("jited_line_info"), u32("nr_jited_line_info"), u32("line_info_rec_size"),
            u32("jited_line_info_rec_size"), u32("nr_prog_tags"), u64("prog_tags"), u64("run_time_ns"),
            u64("run_cnt"), u64("recursion_misses"), u32("verified_insns"), u32("attach_btf_obj_id"),
            u32("attach_btf_id"), pad(4));

    /** The head of struct bpf_map_info; the kernel fills only as much as info_len asks for. */
    static final StructLayout MAP_INFO = MemoryLayout.structLayout(
            u32("type"), u32("id"), u32("key_size"), u32("value_size"), u32("max_entries"), u32("map_flags"),
            chars("name", BPF_OBJ_NAME_LEN));
}
