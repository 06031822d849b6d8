package jtrace.cpp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The macros defined so far, and macro expansion of a token list by Prosser's algorithm: every
 * token carries the names of the macros that produced it, and a name in its own hide set is left
 * as it is. Function-like macros take their arguments from the tokens that follow, including
 * tokens after the expansion that produced the name.
 */
final class MacroTable {
    /** Arguments that do not match the macro's parameters. */
    static final class ExpansionException extends Exception {
        private static final long serialVersionUID = 1L;

        ExpansionException(String message) { super(message, null, false, false); }
    }

    private final Map<String, Macro> macros = new HashMap<>();

    Macro get(String name) { return macros.get(name); }

    boolean defined(String name) { return macros.containsKey(name); }

    /** Defines {@code m}; returns the different definition it replaces, or null. */
    Macro define(Macro m) {
        Macro old = macros.put(m.name(), m);
        return old == null || old.sameAs(m) ? null : old;
    }

    void undefine(String name) { macros.remove(name); }

    Map<String, Macro> all() { return Map.copyOf(macros); }

    /** {@code tokens} with every macro expanded. */
    List<PpToken> expand(List<PpToken> tokens) throws ExpansionException {
        Deque<PpToken> in = new ArrayDeque<>(tokens);
        List<PpToken> out = new ArrayList<>();
        while (!in.isEmpty()) {
            PpToken t = in.pollFirst();
            Macro m = t.isIdent() ? macros.get(t.text()) : null;
            if (m == null || t.hide().contains(t.text())) {
                out.add(t);
                continue;
            }
            List<PpToken> replaced;
            if (!m.functionLike()) {
                Set<String> hide = new HashSet<>(t.hide());
                hide.add(m.name());
                replaced = substitute(m, List.of(), hide);
            } else {
                PpToken open = in.peekFirst();
                if (open == null || !open.is("(")) {
                    out.add(t);
                    continue;
                }
                in.pollFirst();
                List<List<PpToken>> args = new ArrayList<>();
                PpToken close = arguments(in, args, m);
                Set<String> hide = new HashSet<>(t.hide());
                hide.retainAll(close.hide());
                hide.add(m.name());
                replaced = substitute(m, args, hide);
            }
            for (int i = replaced.size() - 1; i >= 0; i--) {
                PpToken r = replaced.get(i);
                in.addFirst(i == 0 ? r.withSpace(t.spaceBefore()) : r);
            }
        }
        return out;
    }

    /** Reads {@code (a, b)} up to its ')' (already past '('), filling {@code args}; returns the ')'. */
    private static PpToken arguments(Deque<PpToken> in, List<List<PpToken>> args, Macro m) throws ExpansionException {
        int depth = 0;
        List<PpToken> current = new ArrayList<>();
        PpToken close;
        while (true) {
            PpToken t = in.pollFirst();
            if (t == null) throw new ExpansionException("unterminated function-like macro invocation '" + m.name() + "'");
            if (t.is("(")) depth++;
            else if (t.is(")")) {
                if (depth == 0) {
                    args.add(current);
                    close = t;
                    break;
                }
                depth--;
            } else if (t.is(",") && depth == 0 && !(m.variadic() && args.size() == m.params().size() - 1)) {
                args.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(t);
        }
        int want = m.params().size();
        // "F()" passes one empty argument, which is right for one parameter and none.
        if (want == 0 && args.size() == 1 && args.getFirst().isEmpty()) args.clear();
        if (m.variadic() && args.size() == want - 1) args.add(new ArrayList<>());
        if (args.size() != want) {
            throw new ExpansionException((args.size() > want ? "too many" : "too few") + " arguments provided to function-like macro invocation '"
                    + m.name() + "'");
        }
        return close;
    }

    /** The replacement list with arguments put in, '#' and '##' applied, and {@code hide} added to every token. */
    private List<PpToken> substitute(Macro m, List<List<PpToken>> args, Set<String> hide) throws ExpansionException {
        List<PpToken> body = m.body();
        List<PpToken> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            PpToken t = body.get(i);
            int param = paramIndex(m, t);
            if (m.functionLike() && t.is("#") && i + 1 < body.size() && paramIndex(m, body.get(i + 1)) >= 0) {
                out.add(new PpToken(PpToken.Kind.STRING, stringify(args.get(paramIndex(m, body.get(i + 1)))), t.spaceBefore()));
                i++;
            } else if (t.is("##") && !out.isEmpty() && i + 1 < body.size()) {
                PpToken next = body.get(++i);
                int p = paramIndex(m, next);
                List<PpToken> right = p >= 0 ? args.get(p) : List.of(next);
                // GNU: ", ## __VA_ARGS__" drops the comma when there are no variable arguments.
                if (right.isEmpty() && m.variadic() && p == m.params().size() - 1 && out.getLast().is(",")) {
                    out.removeLast();
                    continue;
                }
                if (right.isEmpty()) continue;
                PpToken left = out.removeLast();
                out.addAll(paste(left, right.getFirst()));
                out.addAll(right.subList(1, right.size()));
            } else if (param >= 0) {
                boolean pasted = i + 1 < body.size() && body.get(i + 1).is("##");
                List<PpToken> arg = pasted ? args.get(param) : expand(args.get(param));
                for (int k = 0; k < arg.size(); k++) out.add(k == 0 ? arg.get(k).withSpace(t.spaceBefore()) : arg.get(k));
            } else {
                out.add(t);
            }
        }
        List<PpToken> hidden = new ArrayList<>(out.size());
        for (PpToken t : out) hidden.add(t.withHide(hide));
        return hidden;
    }

    private static int paramIndex(Macro m, PpToken t) {
        if (!m.functionLike() || !t.isIdent()) return -1;
        int i = m.params().indexOf(t.text());
        if (i < 0 && m.variadic() && t.is("__VA_ARGS__") && m.params().getLast().equals("__VA_ARGS__")) i = m.params().size() - 1;
        return i;
    }

    private static List<PpToken> paste(PpToken left, PpToken right) {
        List<PpToken> joined = PpLexer.tokens(left.text() + right.text());
        List<PpToken> out = new ArrayList<>();
        for (int i = 0; i < joined.size(); i++) {
            out.add(joined.get(i).withSpace(i == 0 && left.spaceBefore()).withHide(left.hide()));
        }
        return out;
    }

    private static String stringify(List<PpToken> arg) {
        StringBuilder sb = new StringBuilder("\"");
        String s = PpLexer.spell(arg).strip();
        for (PpToken t : arg) {
            if (t.kind() == PpToken.Kind.STRING || t.kind() == PpToken.Kind.CHAR) {
                s = s.replace(t.text(), t.text().replace("\\", "\\\\").replace("\"", "\\\""));
            }
        }
        return sb.append(s).append('"').toString();
    }
}
