package jtrace.dwarf;

/** Debug information that cannot be read: truncated, or using a form or version jtrace does not know. */
public final class DwarfFormatException extends Exception {
    public DwarfFormatException(String message) {
        super(message);
    }
}
