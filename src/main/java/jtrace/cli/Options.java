package jtrace.cli;

import java.util.ArrayList;
import java.util.List;

/** jtrace's command line, spelled as bpftrace's. */
record Options(String programText, String programFile, List<String> positional, boolean list, boolean listVerbose,
               String listPattern, boolean dump, boolean quiet, boolean verbose, boolean help, boolean version,
               boolean debug, String format) {

    static final String USAGE = """
            USAGE:
                jtrace [options] filename
                jtrace [options] - <stdin input>
                jtrace [options] -e 'program'

            OPTIONS:
                -e 'program'   execute this program
                -l [pattern]   list probes
                -lv [pattern]  list probes with their arguments
                -d, --dump-bpf print each probe's eBPF instructions instead of running them
                -f FORMAT      output format ('text', 'json')
                -q             keep messages quiet
                -v             verbose messages
                -h, --help     show this help message
                -V, --version  jtrace version
                --debug        show internal errors in full

            ENVIRONMENT:
                BPFTRACE_MAX_STRLEN     [default: 64] bytes on the BPF stack per string
                BPFTRACE_MAX_MAP_KEYS   [default: 4096] max keys in a map

            EXAMPLES:
            jtrace -l '*sleep*'
                list probes containing "sleep"
            jtrace -e 'tracepoint:syscalls:sys_enter_openat { printf("%s %s\\n", comm, str(args.filename)); }'
                trace the files processes open
            jtrace -e 't:syscalls:sys_exit_read /args.ret > 0/ { @bytes[comm] = sum(args.ret); }'
                count bytes read per program
            """;

    static final class UsageException extends Exception {
        UsageException(String message) { super(message, null, false, false); }
    }

    static Options parse(String[] args) throws UsageException {
        String text = null, file = null, pattern = null;
        boolean list = false, listVerbose = false, dump = false, quiet = false, verbose = false, help = false,
                version = false, debug = false;
        List<String> positional = new ArrayList<>();
        String format = "text";
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (text != null || file != null) {
                positional.add(a);
                continue;
            }
            switch (a) {
                case "-e" -> {
                    if (++i >= args.length) throw new UsageException("option '-e' requires an argument");
                    text = args[i];
                }
                case "-f" -> {
                    if (++i >= args.length) throw new UsageException("option '-f' requires an argument");
                    format = args[i];
                }
                case "-l" -> list = true;
                case "-lv", "-vl" -> { list = true; listVerbose = true; }
                case "-d", "--dump-bpf", "-dd" -> dump = true;
                case "-q" -> quiet = true;
                case "-v" -> verbose = true;
                case "-h", "--help" -> help = true;
                case "-V", "--version" -> version = true;
                case "--debug" -> debug = true;
                case "--" -> { }
                case "-" -> file = "-";
                default -> {
                    if (a.startsWith("-f") && a.length() > 2) {
                        format = a.substring(2); // getopt's -fjson
                        continue;
                    }
                    if (a.startsWith("-") && a.length() > 1) throw new UsageException("unknown option: " + a);
                    if (list) {
                        if (pattern != null) throw new UsageException("-l takes one pattern");
                        pattern = a;
                    } else {
                        file = a;
                    }
                }
            }
        }
        if (listVerbose && !list) list = true;
        if (verbose && list) listVerbose = true;
        if (!help && !version && !list && text == null && file == null) throw new UsageException("No program specified");
        return new Options(text, file, positional, list, listVerbose, pattern, dump, quiet, verbose, help, version, debug, format);
    }
}
