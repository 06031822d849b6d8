package jtrace.runtime;

import jtrace.codegen.EventSpec;
import jtrace.fmt.FormatArg;
import jtrace.fmt.PrintfFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user-space actions: system() runs its command through /bin/sh and prints what it wrote to
 * stdout, waiting for it as bpftrace does; cat() prints a file. Both format their argument as printf does.
 */
final class ActionRunner {
    private final Output out;
    private final Map<String, PrintfFormat> formats = new HashMap<>();

    ActionRunner(Output out) { this.out = out; }

    void run(EventSpec.Action a, List<FormatArg> args) {
        String text = formats.computeIfAbsent(a.format(), PrintfFormat::parse).render(args);
        switch (a.kind()) {
            case SYSTEM -> system(text);
            case CAT -> cat(text);
        }
    }

    private void system(String command) {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            byte[] stdout = p.getInputStream().readAllBytes();
            p.waitFor();
            if (stdout.length > 0) out.printf(new String(stdout, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            System.err.println("ERROR: system() failed to run '" + command + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cat(String path) {
        try {
            out.printf(new String(Files.readAllBytes(Path.of(path)), StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            System.err.println("ERROR: failed to open file '" + path + "': No such file or directory");
        } catch (IOException | RuntimeException e) {
            System.err.println("ERROR: failed to open file '" + path + "': " + e.getMessage());
        }
    }
}
