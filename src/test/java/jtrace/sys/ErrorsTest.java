package jtrace.sys;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bpf(BPF_MAP_CREATE)|1|bpf(BPF_MAP_CREATE) failed: Operation not permitted (EPERM)",
            "bpf(BPF_PROG_LOAD)|13|bpf(BPF_PROG_LOAD) failed: Permission denied (EACCES)",
            "bpf(BPF_MAP_UPDATE_ELEM)|7|bpf(BPF_MAP_UPDATE_ELEM) failed: Argument list too long (E2BIG)",
            "bpf(BPF_PROG_LOAD)|524|bpf(BPF_PROG_LOAD) failed: Operation not supported (ENOTSUPP)",
            "epoll_wait|999|epoll_wait failed: Unknown error 999 (errno 999)",
    })
    void messagesNameTheOperationAndErrno(String op, int errno, String message) {
        var e = new SysException(op, errno);
        assertEquals(message, e.getMessage());
        assertEquals(errno, e.errno());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bpf(BPF_MAP_CREATE)|1|jtrace: needs root or CAP_BPF and CAP_PERFMON",
            "bpf(BPF_MAP_CREATE)|13|jtrace: needs root or CAP_BPF and CAP_PERFMON",
            "perf_event_open(tracepoint id 5, cpu 0)|13|jtrace: needs root or CAP_BPF and CAP_PERFMON",
            "bpf(BPF_PROG_LOAD)|13|bpf(BPF_PROG_LOAD) failed",
            "bpf(BPF_MAP_CREATE)|38|jtrace: this kernel has no bpf() system call",
            "mount(tracefs on /x)|1|mount(tracefs on /x) failed",
    })
    void userMessagesExplainCommonCauses(String op, int errno, String prefix) {
        String msg = new SysException(op, errno).userMessage();
        assertTrue(msg.startsWith(prefix), msg);
    }
}
