package jtrace.cli;

/** The -c command or the -p process cannot be set up; the message is what bpftrace says. */
final class ProcessSetupException extends Exception {
    ProcessSetupException(String message) { super(message, null, false, false); }
}
