package jtrace.sema;

import jtrace.tracefs.Glob;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A few kernel functions with the prototypes kernel 6.18's BTF gives them, and many generated ones for wildcards. */
final class FakeKernelFunctions implements KernelFunctions {
    private static final Type PTR = Type.Int.UINT64;
    private final Map<String, KernelFunction> functions = new TreeMap<>();

    FakeKernelFunctions() {
        add("vfs_read", 101, Type.Int.INT64, p("file", PTR), p("buf", PTR), p("count", Type.Int.UINT64), p("pos", PTR));
        add("vfs_write", 102, Type.Int.INT64, p("file", PTR), p("buf", PTR), p("count", Type.Int.UINT64), p("pos", PTR));
        add("do_sys_openat2", 103, Type.Int.INT64, p("dfd", Type.Int.INT32), p("filename", PTR), p("how", PTR));
        add("tcp_retransmit_skb", 104, Type.Int.INT32, p("sk", PTR), p("skb", PTR), p("segs", Type.Int.INT32));
        add("schedule", 105, new Type.Void());
        add("bpf_iter_task", 106, Type.Int.INT32, p("meta", PTR), p("task", PTR));
        add("bpf_iter_task_file", 107, Type.Int.INT32, p("meta", PTR), p("task", PTR), p("fd", Type.Int.UINT32), p("file", PTR));
        add("bpf_iter_num_new", 108, Type.Int.INT32, p("it", PTR), p("start", Type.Int.INT32), p("end", Type.Int.INT32));
        for (int i = 0; i < 1100; i++) add(String.format("many_%04d", i), 1000 + i, new Type.Void());
    }

    private static KernelFunction.Param p(String name, Type t) { return new KernelFunction.Param(name, t); }

    private void add(String name, int id, Type ret, KernelFunction.Param... params) {
        functions.put(name, new KernelFunction(name, id, List.of(params), ret));
    }

    @Override
    public List<String> match(String glob) {
        List<String> out = new ArrayList<>();
        for (String n : functions.keySet()) if (Glob.matches(glob, n)) out.add(n);
        return out;
    }

    @Override
    public KernelFunction find(String name) { return functions.get(name); }
}
