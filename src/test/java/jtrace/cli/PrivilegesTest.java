package jtrace.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrivilegesTest {
    @ParameterizedTest(name = "CapEff {0} -> allowed {1}")
    @CsvSource({
            "000001ffffffffff, true",   // root
            "0000000000200000, true",   // CAP_SYS_ADMIN (21) alone
            "000000c000000000, true",   // CAP_PERFMON (38) and CAP_BPF (39)
            "0000008000000000, false",  // CAP_BPF only
            "0000004000000000, false",  // CAP_PERFMON only
            "0000000000000000, false",  // an ordinary user
            "zz, true",                 // unreadable: let the kernel decide
    })
    void effectiveCapabilitiesDecide(String capEff, boolean allowed) {
        String status = "Name:\tjava\nCapInh:\t0000000000000000\nCapPrm:\t" + capEff + "\nCapEff:\t" + capEff + "\nCapBnd:\t000001ffffffffff\n";
        assertEquals(allowed, Privileges.missing(status) == null);
    }

    @ParameterizedTest(name = "no CapEff line: {0}")
    @CsvSource({"'Name:\tjava\n'", "''"})
    void withoutTheLineTheKernelDecides(String status) {
        assertEquals(null, Privileges.missing(status));
    }
}
