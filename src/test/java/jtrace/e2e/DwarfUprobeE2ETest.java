package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * uprobes on dwarf_target (src/test/c/dwarf_target.c, built with -g): {@code args.NAME} typed
 * from DWARF and read from the argument registers, and {@code -lv} parameter listing.
 */
class DwarfUprobeE2ETest {
    private String bin;

    @BeforeEach
    void setUp() {
        Kernel.assumeRoot();
        bin = CProgram.dwarfTarget().toString();
    }

    /** jtrace with the script against a parked dwarf_target running {@code call n}; then SIGINT. */
    private JtraceProcess.Result trace(String script, int n) {
        try (Workload w = Workload.startBinary(CProgram.dwarfTarget(), "call", Integer.toString(n));
             JtraceProcess t = JtraceProcess.jtrace("-e", script).start()) {
            t.awaitAttached();
            w.go();
            assertEquals(0, w.waitFor(), "dwarf_target exit status; stderr: " + w.stderr());
            return t.interrupt();
        }
    }

    /** As {@link #trace}, with the dwarf_target's pid as $1, for scripts that filter on it. */
    private JtraceProcess.Result traceWithPid(String script, int n) {
        try (Workload w = Workload.startBinary(CProgram.dwarfTarget(), "call", Integer.toString(n));
             JtraceProcess t = JtraceProcess.jtrace("-e", script, Long.toString(w.pid())).start()) {
            t.awaitAttached();
            w.go();
            assertEquals(0, w.waitFor(), "dwarf_target exit status; stderr: " + w.stderr());
            return t.interrupt();
        }
    }

    /**
     * An enum parameter prints as its enumerator's name with %s, print() and as a map key, and as
     * its number with %d; a value with no enumerator prints as the number, and NONE (-1) is found
     * at the enum's 32 bits.
     */
    @Test
    void enumArgumentPrintsItsEnumeratorName() {
        JtraceProcess.Result r = traceWithPid("uprobe:" + bin + ":dt_enum /pid == $1/ { printf(\"%s %d %d\\n\", args.c, args.c, "
                + "args.a); print(args.c); @[args.c] = sum(args.a); }", 5).assertExitCode(0);
        GoldenText.assertSameText("stdout", "RED 0 0\nRED\nBLUE 4 1\nBLUE\nNONE 4294967295 2\nNONE\n3 3 3\n3\n"
                + "RED 0 4\nRED\n\n\n@[BLUE]: 1\n@[NONE]: 2\n@[3]: 3\n@[RED]: 4\n", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Test
    void integerAndStringArguments() {
        JtraceProcess.Result r = trace("uprobe:" + bin + ":dt_str { printf(\"%d %s\\n\", args.a, str(args.name)); }", 3)
                .assertExitCode(0);
        GoldenText.assertSameText("stdout", "0 name0\n1 name1\n2 name2\n", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    /** Narrow integers are truncated and extended by their C type: -i as long, 200 as unsigned char, -3 as short. */
    @Test
    void narrowAndSignedArguments() {
        JtraceProcess.Result r = trace("uprobe:" + bin + ":dt_ints { printf(\"%d %d %d %d %d %d\\n\", args.a, args.b, args.c, "
                + "args.d, args.e, args.f); }", 2).assertExitCode(0);
        GoldenText.assertSameText("stdout", "0 0 200 -3 0 5\n1 -1 200 -3 7 5\n", r.stdout());
    }

    /** A struct pointer: members, nested struct, char array, bitfields, array element, pointer member, through . and ->. */
    @Test
    void structPointerMembers() {
        JtraceProcess.Result r = trace("uprobe:" + bin + ":dt_rec { printf(\"%d %s %s %d %d %d %d %s\\n\", args.rec.id, "
                + "args.rec.name, str(args.rec->label), args.rec.pos.y, args.rec.flags, args.rec.mode, args.rec.vals[2], "
                + "str(args.buf)); }", 2).assertExitCode(0);
        GoldenText.assertSameText("stdout", "100 rec0 label 0 5 17 42 b\n101 rec1 label 2 5 17 42 b\n", r.stdout());
    }

    /** Floating-point arguments take no integer register: the long after a double and a float is the second one. */
    @Test
    void integerArgumentAfterFloatingPointOnes() {
        JtraceProcess.Result r = trace("uprobe:" + bin + ":dt_mixed { @[args.a] = sum(args.b); }", 3).assertExitCode(0);
        GoldenText.assertSameText("stdout", "\n\n@[0]: 0\n@[1]: 10\n@[2]: 20\n", r.stdout());
    }

    /**
     * A char array with no NUL in it (tag.code "ABCD") is whole, not cut: current bpftrace types
     * char[N] as string[N+1] so that its value formatter (print, maps, tuples) sees the NUL and adds
     * no str_trunc_trailer; printf's %s adds it only for max_strlen - 1 characters.
     */
    @Test
    void fullCharArrayIsNotMarkedTruncated() {
        JtraceProcess.Result r = trace("config = { max_strlen = 8; str_trunc_trailer = \"~\" } uprobe:" + bin + ":dt_tag { "
                + "print(args.t->code); print((args.t->code, 1)); printf(\"%s|\\n\", args.t->code); @[args.t->code] = count(); "
                + "@v = args.t->code; }", 2).assertExitCode(0);
        GoldenText.assertSameText("stdout", "ABCD\n(ABCD, 1)\nABCD|\nABCD\n(ABCD, 1)\nABCD|\n\n\n@[ABCD]: 2\n@v: ABCD\n", r.stdout());
    }

    /** macaddr and ntop of uprobe DWARF args: through an unsigned char pointer, and of array members of a struct. */
    @Test
    void macaddrAndNtopOfUprobeArguments() {
        JtraceProcess.Result r = trace("uprobe:" + bin + ":dt_tag { printf(\"%s %s %s\\n\", macaddr(args.mac), "
                + "macaddr(args.t->mac), ntop(args.t->code)); }", 2).assertExitCode(0);
        GoldenText.assertSameText("stdout", "02:00:00:00:00:00 02:00:00:00:00:00 65.66.67.68\n"
                + "02:00:00:00:00:01 02:00:00:00:00:01 65.66.67.68\n", r.stdout());
    }

    /** A member of a struct map value: the value is read onto the stack first (zeroes when the key is absent). */
    @Test
    void memberOfAStructMapValue() {
        JtraceProcess.Result r = trace("uprobe:" + bin + ":dt_rec { @p[args.rec->id] = args.rec->pos; "
                + "printf(\"%d %d\\n\", @p[args.rec->id].y, @p[7].x); @n[args.rec->id] = *args.rec; "
                + "printf(\"%s %d\\n\", @n[args.rec->id].name, @n[args.rec->id].vals[2]); delete(@n[args.rec->id]); }", 2).assertExitCode(0);
        GoldenText.assertSameText("stdout", "0 0\nrec0 42\n2 0\nrec1 42\n\n\n"
                + "@p[100]: { .x = 0, .y = 0 }\n@p[101]: { .x = 1, .y = 2 }\n", r.stdout());
    }

    /** In a script-defined struct, as in bpftrace, char[4] is a string but unsigned char[6] an array of uint8. */
    @Test
    void unsignedCharArrayOfAScriptStructIsAnIntegerArray() {
        JtraceProcess.Result r = trace("struct mytag { char code[4]; unsigned char mac[6]; } uprobe:" + bin + ":dt_tag { "
                + "$t = (struct mytag *)arg0; print(*$t); printf(\"%d %s\\n\", $t->mac[5], macaddr($t->mac)); }", 2).assertExitCode(0);
        GoldenText.assertSameText("stdout", "{ .code = ABCD, .mac = [2,0,0,0,0,0] }\n0 02:00:00:00:00:00\n"
                + "{ .code = ABCD, .mac = [2,0,0,0,0,1] }\n1 02:00:00:00:00:01\n", r.stdout());
    }

    /** print(args), as a variable and as a map value: one member per parameter, in bpftrace's struct format (enums by name). */
    @Test
    void wholeArgsPrintAsAStruct() {
        JtraceProcess.Result r = trace("uprobe:" + bin + ":dt_ints { print(args); $a = args; printf(\"%d\\n\", $a.d); "
                + "@m[args.a] = args; }", 2).assertExitCode(0);
        GoldenText.assertSameText("stdout", "{ .a = 0, .b = 0, .c = 200, .d = -3, .e = 0, .f = HIGH }\n-3\n"
                + "{ .a = 1, .b = -1, .c = 200, .d = -3, .e = 7, .f = HIGH }\n-3\n\n\n"
                + "@m[0]: { .a = 0, .b = 0, .c = 200, .d = -3, .e = 0, .f = HIGH }\n"
                + "@m[1]: { .a = 1, .b = -1, .c = 200, .d = -3, .e = 7, .f = HIGH }\n", r.stdout());
    }

    @Test
    void stackPassedArgumentsAreRefused() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "uprobe:" + bin + ":dt_many { print(args.a1); }").assertExitCode(1);
        assertTrue(r.stderr().contains("ERROR: Could not parse arguments of \"uprobe:" + bin
                + ":dt_many\": 'args' builtin is not supported for probes with stack-passed arguments."), r.stderr());
    }

    @Test
    void verboseListingShowsParameters() {
        JtraceProcess.Result r = Kernel.selfExiting("-lv", "uprobe:" + bin + ":dt_*r*").assertExitCode(0);
        String p = "uprobe:" + bin + ":";
        GoldenText.assertSameText("stdout", p + "dt_rec\n    struct record* rec\n    char* buf\n"
                + p + "dt_ret\n    int i\n" + p + "dt_str\n    const char* name\n    int a\n", r.stdout());
        GoldenText.assertSameText("stderr", "", r.stderr());
    }

    @Test
    void verboseListingWithoutDwarfWarns() {
        String plain = UprobeTarget.binary().toString();
        JtraceProcess.Result r = Kernel.selfExiting("-lv", "uprobe:" + plain + ":ut_ret").assertExitCode(0);
        GoldenText.assertSameText("stdout", "uprobe:" + plain + ":ut_ret\n", r.stdout());
        GoldenText.assertSameText("stderr", "WARNING: No DWARF found for \"" + plain + "\", cannot show parameter info\n", r.stderr());
    }
}
