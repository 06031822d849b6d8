package jtrace.btf;

/** The data is not BTF jtrace can read. */
public final class BtfFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public BtfFormatException(String message) {
        super(message);
    }
}
