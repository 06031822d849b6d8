package jtrace.sema;

import java.util.List;

/** What semantic analysis needs to know of the kernel's functions (served from vmlinux BTF). */
public interface KernelFunctions {

    /** Names of the functions matching the glob pattern, sorted. */
    List<String> match(String glob);

    /** The function, or null when BTF has no function of that name. */
    KernelFunction find(String name);

    /** The running kernel's functions, read from /sys/kernel/btf/vmlinux the first time one is asked for. */
    static KernelFunctions vmlinux() { return BtfKernelFunctions.VMLINUX; }
}
