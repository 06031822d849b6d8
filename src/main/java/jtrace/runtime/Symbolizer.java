package jtrace.runtime;

import jtrace.codegen.SymbolOpsNames;
import jtrace.load.BpfMap;
import jtrace.sys.KernelClock;
import jtrace.symbols.KernelSymbols;
import jtrace.symbols.UserSymbols;
import jtrace.types.Type;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Function;

/**
 * Turns the raw words of {@link Type.Resolved} values into bpftrace's text: stacks (looked up in
 * their stack trace map, then symbolized), kernel and user symbols, IP and MAC addresses, times.
 * Kernel symbols are read on first need; user symbols are cached per process and per file.
 */
public final class Symbolizer {
    /** For values decoded without a loaded program: stacks print empty, the rest as usual. */
    static final Symbolizer DETACHED = new Symbolizer(name -> null);

    private static final String INDENT = "        ";

    private final Function<String, BpfMap> maps;
    private final UserSymbols user = new UserSymbols();
    /** CLOCK_REALTIME minus CLOCK_BOOTTIME (the clock of nsecs), to turn nsecs into wall time; read on first use. */
    private long realtimeOffsetNanos = Long.MIN_VALUE;
    /** CLOCK_REALTIME minus CLOCK_TAI, for nsecs(tai); read on first use. */
    private long taiOffsetNanos = Long.MIN_VALUE;

    public Symbolizer(Function<String, BpfMap> maps) {
        this.maps = maps;
    }

    String text(Type.Resolved t, byte[] bytes, int off) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return switch (t) {
            case Type.Stack s -> stack(s, b.getLong(off));
            case Type.Ksym k -> KernelSymbols.system().format(b.getLong(off), false);
            case Type.Usym u -> user.format((int) b.getLong(off + 8), b.getLong(off), false, false);
            case Type.Inet i -> InetText.format((int) b.getLong(off), bytes, off + 8);
            case Type.MacAddr m -> mac(bytes, off);
            case Type.Timestamp ts -> timestamp(ts.format(), b.getLong(off), ts.tai());
            case Type.Username u -> UserNames.of(b.getLong(off) & 0xffffffffL);
            case Type.SyscallName n -> SyscallNames.of(b.getLong(off));
            case Type.CgroupPath c -> CgroupPaths.of(b.getLong(off), c.filter());
        };
    }

    /** A newline, then one line per frame: indented {@code sym+off}, perf's {@code \taddr sym}, or raw hex. */
    String stack(Type.Stack s, long word) {
        int id = (int) word;
        int pid = (int) (word >>> 32);
        StringBuilder out = new StringBuilder("\n");
        BpfMap map = id < 0 ? null : maps.apply(SymbolOpsNames.stackMap(s));
        byte[] key = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(id).array();
        byte[] frames = map == null ? null : map.lookup(key);
        if (frames == null) return out.toString();
        ByteBuffer f = ByteBuffer.wrap(frames).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 8 <= frames.length; i += 8) {
            long addr = f.getLong(i);
            if (addr == 0) break;
            switch (s.mode()) {
                case "raw" -> out.append(Long.toHexString(addr)).append('\n');
                case "perf" -> out.append('\t').append(Long.toHexString(addr)).append(' ').append(symbol(s, pid, addr, true)).append('\n');
                default -> out.append(INDENT).append(symbol(s, pid, addr, false)).append('\n');
            }
        }
        return out.toString();
    }

    private String symbol(Type.Stack s, int pid, long addr, boolean perf) {
        return s.user() ? user.format(pid, addr, true, perf) : KernelSymbols.system().format(addr, true);
    }

    /** CLOCK_REALTIME minus {@code clock}, measured once per clock (both read back to back). */
    private long offsetTo(int clock) {
        boolean tai = clock == KernelClock.CLOCK_TAI;
        long known = tai ? taiOffsetNanos : realtimeOffsetNanos;
        if (known != Long.MIN_VALUE) return known;
        long offset = KernelClock.nanos(KernelClock.CLOCK_REALTIME) - KernelClock.nanos(clock);
        if (tai) taiOffsetNanos = offset;
        else realtimeOffsetNanos = offset;
        return offset;
    }

    static String mac(byte[] bytes, int off) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            if (i > 0) out.append(':');
            out.append(String.format("%02X", bytes[off + i] & 0xff));
        }
        return out.toString();
    }

    /** strftime() with bpftrace's extensions: %f microseconds, %l milliseconds, %k nanoseconds. */
    String timestamp(String format, long nsecs) {
        return timestamp(format, nsecs, false);
    }

    /** {@code nsecs} of CLOCK_BOOTTIME, or of CLOCK_TAI when {@code tai}, as wall time in {@code format}. */
    String timestamp(String format, long nsecs, boolean tai) {
        long epochNanos = offsetTo(tai ? KernelClock.CLOCK_TAI : KernelClock.CLOCK_BOOTTIME) + nsecs;
        long sub = Math.floorMod(epochNanos, 1_000_000_000L);
        Instant at = Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), sub);
        String fmt = format.replace("%f", String.format("%06d", sub / 1000))
                .replace("%l", String.format("%03d", sub / 1_000_000))
                .replace("%k", String.format("%09d", sub));
        return Strftime.format(fmt, ZonedDateTime.ofInstant(at, ZoneId.systemDefault()));
    }
}
