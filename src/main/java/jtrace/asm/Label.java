package jtrace.asm;

/** A jump target. Identity matters, not the name: the name only shows in listings. */
public final class Label {
    private final String name;

    public Label(String name) { this.name = name; }

    public String name() { return name; }

    @Override
    public String toString() { return name; }
}
