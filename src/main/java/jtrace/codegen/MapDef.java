package jtrace.codegen;

import jtrace.sema.MapInfo;

/**
 * A kernel map the compiled program uses. User maps carry their {@link MapInfo} (types for
 * decoding); internal ones (ring buffer, lost-event counter) have none.
 * For hist and lhist maps the key ends with one extra u64: the bucket index.
 */
public record MapDef(String name, MapKind kind, int keySize, int valueSize, int maxEntries, MapInfo info,
                     KeyLayout keyLayout) {

    public boolean isUserMap() { return info != null; }
}
