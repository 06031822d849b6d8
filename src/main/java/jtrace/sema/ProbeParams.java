package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.diag.CompileError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Positional parameters inside attach points ({@code interval:s:$1}, {@code uprobe:$1:main}): bpftrace
 * treats them as text and splices the parameter in before the probe is resolved.
 */
final class ProbeParams {
    private ProbeParams() {}

    private static final Pattern POSITIONAL = Pattern.compile("\\$([0-9]+)");

    static AttachPoint substitute(AttachPoint ap, List<String> params) {
        if (ap.raw().indexOf('$') < 0) return ap;
        List<String> parts = new ArrayList<>();
        for (String part : ap.parts()) parts.add(splice(part, params, ap));
        return new AttachPoint(splice(ap.raw(), params, ap), parts, ap.span());
    }

    private static String splice(String text, List<String> params, AttachPoint ap) {
        Matcher m = POSITIONAL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group(1);
            int n = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits); // more than any argv
            if (n < 1 || n > params.size()) {
                throw new CompileError(ap.span(), "Positional parameter $" + digits + " is used in a probe but not given"
                        + " (" + params.size() + " given)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(params.get(n - 1)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
