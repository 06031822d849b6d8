package jtrace.x86;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instructions GNU objdump finds in the executable sections of a file: the oracle for the decoder. */
record ObjdumpListing(List<Section> sections) {
    /** One instruction line: its address and encoding. */
    record Instruction(long address, byte[] bytes, String text) {}

    record Section(String name, List<Instruction> instructions) {}

    private static final Pattern SECTION = Pattern.compile("^Disassembly of section (\\S+):$");
    private static final Pattern INSN = Pattern.compile("^\\s*([0-9a-f]+):\\t([0-9a-f]{2}(?: [0-9a-f]{2})*) *\\t?(.*)$");

    /** Whether objdump can be run at all. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("objdump", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** objdump -d -z -w of the file (zero runs disassembled too, one line per instruction). */
    static ObjdumpListing of(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("objdump", "-d", "-z", "-w", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Section> sections = new ArrayList<>();
        List<Instruction> current = null;
        String name = null;
        HexFormat hex = HexFormat.ofDelimiter(" ");
        try (var reader = p.inputReader(StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                Matcher s = SECTION.matcher(line);
                if (s.matches()) {
                    if (current != null) sections.add(new Section(name, current));
                    name = s.group(1);
                    current = new ArrayList<>();
                    continue;
                }
                Matcher m = INSN.matcher(line);
                if (m.matches() && current != null) {
                    current.add(new Instruction(Long.parseUnsignedLong(m.group(1), 16), hex.parseHex(m.group(2)), m.group(3).strip()));
                }
            }
        }
        if (current != null) sections.add(new Section(name, current));
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("objdump failed on " + file);
        return new ObjdumpListing(sections);
    }
}
