package jtrace.symbols;

/** An address resolved to the symbol holding it: {@code name}, and how far past its start the address is. */
public record Symbol(String name, long offset, String module) {

    /** bpftrace's form: {@code name+offset}, or just the name. */
    public String text(boolean withOffset) {
        return withOffset ? name + "+" + offset : name;
    }
}
