package jtrace.sema;

import java.util.List;

/** What semantic analysis needs to know of the kernel's tracepoints (served from tracefs). */
public interface Tracepoints {

    /** {@code category:event} names matching the two glob patterns, sorted. */
    List<String> match(String categoryGlob, String eventGlob);

    /** The record's fields, common_* ones excluded; null when there is no such tracepoint. */
    List<TracepointField> fields(String category, String event);
}
