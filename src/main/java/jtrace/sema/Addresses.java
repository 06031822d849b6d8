package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP address literals: {@code pton()}'s text to bytes, checked here and emitted by codegen. */
public final class Addresses {
    private Addresses() {}

    /** pton's address bytes: IPv4 when the text has a '.', IPv6 when it has a ':', in network order. */
    public static byte[] pton(Expr.Call c) {
        if (!(c.args().getFirst() instanceof Expr.StrLit s)) {
            throw new CompileError(c.args().getFirst().span(), "pton() expects a string literal");
        }
        String text = s.value();
        boolean v6 = text.contains(":"), v4 = !v6 && text.contains(".");
        String bad = "pton() expects a string argument of an IPv4/IPv6 address, got " + text;
        if (!v4 && !v6) throw new CompileError(c.span(), bad);
        // Only numeric forms: InetAddress would otherwise look a host name up.
        if (!text.matches(v6 ? "[0-9a-fA-F:.]+" : "[0-9]{1,3}(\\.[0-9]{1,3}){3}")) throw new CompileError(c.span(), bad);
        try {
            byte[] b = InetAddress.getByName(text).getAddress();
            // An IPv4-mapped IPv6 text comes back as 4 bytes; pton keeps the family the text names.
            if (v6 && b.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(b, 0, mapped, 12, 4);
                return mapped;
            }
            return b;
        } catch (UnknownHostException e) {
            throw new CompileError(c.span(), bad);
        }
    }

}
