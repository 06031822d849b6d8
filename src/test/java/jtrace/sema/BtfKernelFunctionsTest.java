package jtrace.sema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Parameter types of the running kernel's BTF functions: struct pointers stay typed, other pointers are words. */
class BtfKernelFunctionsTest {
    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource(delimiter = '|', value = {
            "bpf_iter_task      | task  | struct task_struct *",
            "bpf_iter_task_file | file  | struct file *",
            "bpf_iter_task_file | fd    | uint32",
            "bpf_iter_task_vma  | vma   | struct vm_area_struct *",
            "bpf_iter_task      | meta  | struct bpf_iter_meta *",
            "vfs_read           | buf   | uint64",
            "vfs_read           | count | uint64",
    })
    void typesParameters(String function, String param, String type) {
        assumeTrue(Files.isReadable(Path.of("/sys/kernel/btf/vmlinux")), "needs the kernel's BTF");
        KernelFunction f = KernelFunctions.vmlinux().find(function);
        assertNotNull(f, function);
        KernelFunction.Param p = f.params().stream().filter(x -> x.name().equals(param)).findFirst().orElseThrow();
        assertEquals(type, p.type().display());
    }
}
