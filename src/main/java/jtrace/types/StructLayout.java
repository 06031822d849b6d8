package jtrace.types;

import java.util.List;
import java.util.Optional;

/**
 * The members of a struct or union. Layouts from kernel BTF are computed when first asked for, so
 * that a struct pointing to other structs does not pull in the whole type graph.
 */
public interface StructLayout {

    /** The direct members in declaration order; anonymous struct/union members have an empty name. */
    List<Field> fields();

    /** A member: its type, where it starts in bits, and its width in bits when it is a bitfield (else 0). */
    record Field(String name, Type type, long bitOffset, int bitSize) {
        public long byteOffset() { return bitOffset / 8; }

        public boolean bitfield() { return bitSize != 0; }
    }

    /** The named member, looked for through anonymous members as C does; its offset is from the start of this struct. */
    default Optional<Field> find(String name) {
        for (Field f : fields()) {
            if (f.name().equals(name)) return Optional.of(f);
            if (f.name().isEmpty() && f.type() instanceof Type.Struct s) {
                Optional<Field> inner = s.layout().find(name);
                if (inner.isPresent()) {
                    Field in = inner.get();
                    return Optional.of(new Field(in.name(), in.type(), f.bitOffset() + in.bitOffset(), in.bitSize()));
                }
            }
        }
        return Optional.empty();
    }
}
