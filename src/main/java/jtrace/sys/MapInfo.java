package jtrace.sys;

/** The head of struct bpf_map_info. */
public record MapInfo(int type, int id, int keySize, int valueSize, int maxEntries, int flags, String name) {}
