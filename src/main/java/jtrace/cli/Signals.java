package jtrace.cli;

import sun.misc.Signal;

/** Ctrl-C and SIGTERM end tracing the way exit() does: end runs and the maps are printed. */
final class Signals {
    private Signals() {}

    @SuppressWarnings("removal")
    static void onInterrupt(Runnable action) {
        for (String name : new String[]{"INT", "TERM"}) Signal.handle(new Signal(name), s -> action.run());
    }
}
