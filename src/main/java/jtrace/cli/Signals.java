package jtrace.cli;

import sun.misc.Signal;

/** Ctrl-C and SIGTERM end tracing the way exit() does: end runs and the maps are printed. */
final class Signals {
    private Signals() {}

    @SuppressWarnings("removal")
    static void onInterrupt(Runnable action) {
        for (String name : new String[]{"INT", "TERM"}) Signal.handle(new Signal(name), s -> action.run());
    }

    /** A signal a self probe waits for ({@code USR1}): each one runs {@code action}. */
    @SuppressWarnings("removal")
    static void onSignal(String name, Runnable action) {
        Signal.handle(new Signal(name), s -> action.run());
    }
}
