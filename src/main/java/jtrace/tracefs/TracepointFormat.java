package jtrace.tracefs;

import java.util.ArrayList;
import java.util.List;

/** A tracepoint's format file (events/CATEGORY/EVENT/format): its name, id and record layout. */
public record TracepointFormat(String name, int id, List<TracepointFormat.Field> fields, String printFmt) {

    public TracepointFormat {
        fields = List.copyOf(fields);
    }

    /**
     * One field of the record.
     *
     * @param cType       the C type without the array suffix or {@code __data_loc}: {@code char} for
     *                    {@code char prev_comm[16]}, {@code char[]} for {@code __data_loc char[] filename}
     * @param dataLoc     a {@code __data_loc} field: a u32 holding (length << 16 | offset) of data in the record
     * @param arrayLen    element count of a fixed array, 0 when not an array, -1 when not a number
     * @param common      one of the {@code common_*} fields every event starts with
     * @param declaration the declaration as written, e.g. {@code const char * filename}
     */
    public record Field(String name, String cType, int offset, int size, boolean signed, boolean dataLoc,
                        int arrayLen, boolean common, String declaration) {

        /**
         * The type bpftrace gives the field: integer types whose size in the record is 8 bytes
         * are widened ({@code int} to {@code s64}; {@code unsigned int}, {@code unsigned},
         * {@code u32}, {@code pid_t}, {@code uid_t}, {@code gid_t} to {@code u64}).
         */
        public String effectiveCType() {
            if (arrayLen != 0 || dataLoc || size != 8) return cType;
            return switch (cType) {
                case "int" -> "s64";
                case "unsigned int", "unsigned", "u32", "pid_t", "uid_t", "gid_t" -> "u64";
                default -> cType;
            };
        }
    }

    /** The fields after the common ones: a probe's {@code args}. */
    public List<Field> args() {
        return fields.stream().filter(f -> !f.common()).toList();
    }

    public static TracepointFormat parse(String text) {
        String name = null;
        Integer id = null;
        String printFmt = "";
        List<Field> fields = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("name:")) {
                name = trimmed.substring(5).strip();
            } else if (trimmed.startsWith("ID:")) {
                try {
                    id = Integer.parseInt(trimmed.substring(3).strip());
                } catch (NumberFormatException e) {
                    throw new TracefsException("malformed tracepoint format file: bad ID: " + trimmed);
                }
            } else if (trimmed.startsWith("field:")) {
                Field f = field(trimmed);
                if (f != null) fields.add(f);
            } else if (trimmed.startsWith("print fmt:")) {
                printFmt = trimmed.substring(10).strip();
            }
        }
        if (name == null || id == null) {
            throw new TracefsException("malformed tracepoint format file: missing " + (name == null ? "name" : "ID"));
        }
        return new TracepointFormat(name, id, fields, printFmt);
    }

    /** Parses {@code field:TYPE NAME;\toffset:N;\tsize:N;\tsigned:N;}, or null when it is not one. */
    private static Field field(String line) {
        int semi = line.indexOf(';');
        if (semi < 0) return null;
        String declaration = line.substring("field:".length(), semi).strip();
        Integer offset = attribute(line, "offset:", semi);
        Integer size = attribute(line, "size:", semi);
        if (offset == null || size == null) return null;
        Integer signed = attribute(line, "signed:", semi);

        int split = Math.max(declaration.lastIndexOf(' '), declaration.lastIndexOf('\t'));
        if (split < 0) return null;
        String type = declaration.substring(0, split).strip();
        String name = declaration.substring(split + 1);
        int arrayLen = 0;
        int bracket = name.indexOf('[');
        if (bracket >= 0) {
            int close = name.indexOf(']', bracket);
            String len = name.substring(bracket + 1, close < 0 ? name.length() : close);
            name = name.substring(0, bracket);
            arrayLen = len.chars().allMatch(Character::isDigit) && !len.isEmpty() ? Integer.parseInt(len) : -1;
        }
        boolean dataLoc = type.startsWith("__data_loc");
        if (dataLoc) type = type.substring("__data_loc".length()).strip();
        return new Field(name, type, offset, size, signed != null && signed != 0, dataLoc, arrayLen,
                name.startsWith("common_"), declaration);
    }

    private static Integer attribute(String line, String key, int from) {
        int at = line.indexOf(key, from);
        if (at < 0) return null;
        int end = line.indexOf(';', at);
        try {
            return Integer.parseInt(line.substring(at + key.length(), end < 0 ? line.length() : end).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
