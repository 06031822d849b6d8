package jtrace.runtime;

import jtrace.codegen.EventSpec;

/** The text of a join() record: the strings it carries, separated as the call asked. */
final class JoinText {
    private JoinText() {}

    static String of(EventSpec.Join spec, byte[] record) {
        long n = Math.min(ValueDecoder.u64(record, 8), spec.argCount());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int off = EventSpec.Join.HEADER + i * spec.argSize();
            if (off >= record.length) break;
            if (i > 0) text.append(spec.separator());
            text.append(ValueDecoder.cString(record, off, Math.min(spec.argSize(), record.length - off)));
        }
        return text.toString();
    }
}
