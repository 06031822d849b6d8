package jtrace.asm;

/** A {@link Insn.LoadMapFd} in assembled code: its first slot, whose imm gets the fd of {@code mapName}. */
public record MapRelocation(int slot, String mapName) {
    public MapRelocation {
        if (slot < 0) throw new IllegalArgumentException("negative slot " + slot);
        if (mapName == null) throw new IllegalArgumentException("map relocation without a map name");
    }
}
