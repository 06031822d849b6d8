package jtrace.sema;

/**
 * One field of a tracepoint's record, as its tracefs format file describes it.
 * {@code arrayLen} is the element count of a fixed array ({@code char comm[16]}), 0 otherwise;
 * {@code dataLoc} marks {@code __data_loc} fields, whose u32 holds the offset (low 16 bits) and
 * length (high 16 bits) of data stored later in the record.
 */
public record TracepointField(String name, String cType, int offset, int size, boolean signed,
                              boolean dataLoc, int arrayLen) {

    public boolean isCharArray() {
        return arrayLen > 0 && (cType.startsWith("char") || cType.startsWith("unsigned char")
                || cType.startsWith("const char"));
    }

    public boolean isPointer() { return cType.contains("*"); }
}
