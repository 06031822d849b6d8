package jtrace.runtime;

import jtrace.load.BpfProgram;
import jtrace.load.ProgramStats;

import java.io.PrintStream;

/** -v: what was loaded, one short paragraph per program, in the spirit of bpftrace's verbose log. */
final class VerboseLog {
    private VerboseLog() {}

    static void loaded(LoadedProgram loaded, PrintStream out) {
        for (BpfProgram p : loaded.programs()) out.print(describe(p.spec().name(), p.spec().code().length / 8, p.stats()));
    }

    /** "Program ID: 7" then "load NAME: N instructions, verified (M processed)". */
    static String describe(String name, int instructions, ProgramStats stats) {
        return "Program ID: " + stats.id() + "\n"
                + "load " + name + ": " + instructions + (instructions == 1 ? " instruction" : " instructions")
                + ", verified (" + stats.verifiedInsns() + " processed)\n";
    }
}
