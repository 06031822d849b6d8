package jtrace.asm;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BpfHelperTest {

    /** Ids as listed in enum bpf_func_id; any mismatch means the generated table is wrong. */
    @ParameterizedTest
    @CsvSource({
            "MAP_LOOKUP_ELEM, 1, map_lookup_elem",
            "MAP_UPDATE_ELEM, 2, map_update_elem",
            "KTIME_GET_NS, 5, ktime_get_ns",
            "GET_CURRENT_PID_TGID, 14, get_current_pid_tgid",
            "GET_CURRENT_COMM, 16, get_current_comm",
            "PERF_EVENT_OUTPUT, 25, perf_event_output",
            "GET_STACKID, 27, get_stackid",
            "PROBE_READ_USER, 112, probe_read_user",
            "PROBE_READ_KERNEL_STR, 115, probe_read_kernel_str",
            "RINGBUF_OUTPUT, 130, ringbuf_output",
            "GET_CURRENT_TASK_BTF, 158, get_current_task_btf",
    })
    void knownIds(String constant, int id, String name) {
        BpfHelper h = BpfHelper.valueOf(constant);
        assertEquals(id, h.id());
        assertEquals(name, h.kernelName());
        assertEquals("bpf_" + name, h.symbol());
        assertEquals(Optional.of(h), BpfHelper.byId(id));
    }

    @Test
    void idsAreDenseAndUnique() {
        Set<Integer> ids = new HashSet<>();
        for (BpfHelper h : BpfHelper.values()) assertTrue(ids.add(h.id()), "duplicate id " + h.id());
        for (int i = 0; i < BpfHelper.values().length; i++) assertTrue(BpfHelper.byId(i).isPresent(), "gap at " + i);
        assertTrue(BpfHelper.values().length > 200);
    }

    @Test
    void unknownIdsAreEmpty() {
        assertEquals(Optional.empty(), BpfHelper.byId(-1));
        assertEquals(Optional.empty(), BpfHelper.byId(100_000));
    }
}
