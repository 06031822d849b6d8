package jtrace.cli;

import java.util.ArrayList;
import java.util.List;

/** jtrace's command line, spelled as bpftrace's. */
record Options(String programText, String programFile, List<String> positional, boolean list, boolean listVerbose,
               String listPattern, boolean dump, boolean quiet, boolean verbose, boolean help, boolean version,
               boolean debug, String outputFile, BufferMode buffering, String command, String pid, String format,
               boolean unsafe, List<String> includeDirs, List<String> includeFiles) {

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
                -p, --pid PID  filter actions by PID; exit when it exits
                -c, --cmd CMD  run CMD once probes are attached; exit when it exits
                -o, --output FILE
                               redirect the program's output to FILE
                -B MODE        output buffering mode ('line', 'full', 'none')
                -q             keep messages quiet
                -v             verbose messages
                -h, --help     show this help message
                -V, --version  jtrace version
                --debug        show internal errors in full
                --unsafe       allow unsafe functions (system, signal, override)
                -I DIR         add the directory DIR to the search path for C headers
                --include FILE add an #include of FILE before the program

            ENVIRONMENT:
                BPFTRACE_MAX_STRLEN     [default: 1024] bytes per string
                BPFTRACE_STR_TRUNC_TRAILER [default: '..'] string truncation trailer
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
        private final boolean showUsage;

        UsageException(String message) { this(message, true); }

        /** @param showUsage whether the help text follows the message, as bpftrace prints it for most mistakes */
        UsageException(String message, boolean showUsage) {
            super(message, null, false, false);
            this.showUsage = showUsage;
        }

        boolean showUsage() { return showUsage; }
    }

    static Options parse(String[] args) throws UsageException {
        String text = null, file = null, pattern = null, output = null, command = null, pid = null;
        BufferMode buffering = BufferMode.LINE;
        boolean list = false, listVerbose = false, dump = false, quiet = false, verbose = false, help = false,
                version = false, debug = false, optionsEnded = false, unsafe = false;
        List<String> positional = new ArrayList<>();
        List<String> includeDirs = new ArrayList<>();
        List<String> includeFiles = new ArrayList<>();
        String format = "text";
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            // As getopt does, options may follow the program; only "--" ends them.
            if (optionsEnded || ((text != null || file != null) && !(a.startsWith("-") && a.length() > 1))) {
                if (text == null && file == null) file = a;
                else positional.add(a);
                continue;
            }
            String[] valued = valuedOption(a);
            if (valued != null) {
                String value = valued[1];
                if (value == null) {
                    if (++i >= args.length) throw new UsageException("option '" + a + "' requires an argument");
                    value = args[i];
                }
                switch (valued[0]) {
                    case "e" -> text = value;
                    case "o" -> output = value;
                    case "c" -> command = value;
                    case "p" -> pid = value;
                    case "f" -> format = value;
                    case "I" -> includeDirs.add(value);
                    case "include" -> includeFiles.add(value);
                    default -> buffering = BufferMode.parse(value);
                }
                continue;
            }
            switch (a) {
                case "-l" -> list = true;
                case "-lv", "-vl" -> { list = true; listVerbose = true; }
                case "-d", "--dump-bpf", "-dd" -> dump = true;
                case "-q" -> quiet = true;
                case "-v" -> verbose = true;
                case "-h", "--help" -> help = true;
                case "-V", "--version" -> version = true;
                case "--debug" -> debug = true;
                case "--unsafe" -> unsafe = true;
                case "--" -> optionsEnded = true;
                case "-" -> file = "-";
                default -> {
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
        if (command != null && pid != null) throw new UsageException("USAGE: Cannot use both -c and -p.");
        return new Options(text, file, positional, list, listVerbose, pattern, dump, quiet, verbose, help, version, debug,
                output, buffering, command, pid, format, unsafe, List.copyOf(includeDirs), List.copyOf(includeFiles));
    }

    /**
     * For an option taking a value: its letter and the value when attached ("-oFILE", "--output=FILE"),
     * or null as the value when it is the next argument; null when {@code a} is no such option.
     */
    private static String[] valuedOption(String a) {
        String[][] names = {{"e", "-e", null}, {"o", "-o", "--output"}, {"c", "-c", "--cmd"}, {"p", "-p", "--pid"}, {"B", "-B", null}, {"f", "-f", null},
                {"I", "-I", null}, {"include", "--include", "--include"}};
        for (String[] n : names) {
            if (a.equals(n[1]) || a.equals(n[2])) return new String[]{n[0], null};
            if (n[2] != null && a.startsWith(n[2] + "=")) return new String[]{n[0], a.substring(n[2].length() + 1)};
            if (n[1].length() == 2 && a.startsWith(n[1]) && a.length() > 2) return new String[]{n[0], a.substring(2)};
        }
        return null;
    }
}
