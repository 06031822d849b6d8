package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kernel lockdown LSM: in integrity or confidentiality mode it forbids BPF writes to user memory and return overrides. */
final class Lockdown {
    private Lockdown() {}

    static final Path FILE = Path.of("/sys/kernel/security/lockdown");

    /** The selected mode ("none", "integrity", "confidentiality"), or "none" when the LSM is absent. */
    static String mode() {
        try (var in = Files.newInputStream(FILE)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            int open = text.indexOf('['), close = text.indexOf(']');
            return open >= 0 && close > open ? text.substring(open + 1, close) : "none";
        } catch (IOException e) {
            return "none";
        }
    }

    static void refuse(Expr.Call c, String what) {
        String mode = mode();
        if (!mode.equals("none")) {
            throw new CompileError(c.span(), what + " is not allowed: the kernel is locked down (" + mode + ", see " + FILE + ")");
        }
    }
}
