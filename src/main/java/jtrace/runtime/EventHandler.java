package jtrace.runtime;

import jtrace.codegen.EventSpec;
import jtrace.codegen.MapDef;
import jtrace.diag.DiagnosticPrinter;
import jtrace.fmt.FormatArg;
import jtrace.fmt.PrintfFormat;
import jtrace.load.BpfMap;
import jtrace.types.Type;

import java.nio.ByteBuffer;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Carries out the events probes send through the ring buffer: printf, exit, print, clear, time. */
final class EventHandler {
    private final LoadedProgram program;
    private final Output out;
    private final MapReader reader;
    private final List<PrintfFormat> formats = new ArrayList<>();
    private final ActionRunner actions;
    private boolean exitRequested;
    private int exitCode;

    EventHandler(LoadedProgram program, Output out, MapReader reader) {
        this.program = program;
        this.out = out;
        this.reader = reader;
        this.actions = new ActionRunner(out);
        for (EventSpec spec : program.compiled().events()) {
            formats.add(spec instanceof EventSpec.Printf p ? PrintfFormat.parse(p.format())
                    : spec instanceof EventSpec.Message m ? PrintfFormat.parse(m.format()) : null);
        }
    }

    boolean exitRequested() { return exitRequested; }

    int exitCode() { return exitCode; }

    void handle(ByteBuffer record) {
        if (exitRequested) return;
        byte[] bytes;
        if (record.hasArray() && record.arrayOffset() == 0 && record.position() == 0
                && record.remaining() == record.array().length) {
            bytes = record.array(); // the reader's own copy: no second one
        } else {
            bytes = new byte[record.remaining()];
            record.get(bytes);
        }
        int id = (int) ValueDecoder.u64(bytes, 0);
        List<EventSpec> events = program.compiled().events();
        if (id < 0 || id >= events.size()) return;
        switch (events.get(id)) {
            case EventSpec.Printf p -> out.printf(formats.get(id).render(printfArgs(p, bytes)));
            case EventSpec.Exit x -> {
                exitRequested = true;
                exitCode = (int) ValueDecoder.u64(bytes, 8);
            }
            case EventSpec.PrintMap pm -> {
                MapDef def = program.compiled().map(pm.map());
                MapDump dump = reader.readForPrint(def, program.map(pm.map()));
                out.map(dump, (int) pm.top(), (int) pm.div());
            }
            case EventSpec.PrintValue pv -> out.value(ValueDecoder.decode(pv.type(), bytes, 8, reader.symbols()));
            case EventSpec.ClearMap c -> clear(c);
            case EventSpec.Time t -> out.time(Strftime.format(t.format(), ZonedDateTime.now()));
            case EventSpec.Action a -> actions.run(a, printfArgs(new EventSpec.Printf(a.format(), a.args(), a.size()), bytes));
            case EventSpec.Join j -> out.join(JoinText.of(j, bytes));
            case EventSpec.Message m -> out.message(DiagnosticPrinter.format(m.source(), m.span(), m.level().name(),
                    formats.get(id).render(printfArgs(new EventSpec.Printf(m.format(), m.args(), m.size()), bytes))));
        }
    }

    private List<FormatArg> printfArgs(EventSpec.Printf p, byte[] bytes) {
        List<FormatArg> args = new ArrayList<>();
        for (EventSpec.Arg a : p.args()) {
            Type t = a.type();
            args.add(switch (t) {
                case Type.Int i -> new FormatArg.Int(ValueDecoder.u64(bytes, a.offset()), i.signed());
                case Type.Enum e -> {
                    long v = ValueDecoder.u64(bytes, a.offset());
                    yield new FormatArg.Sym(v, e.text(v));
                }
                case Type.Pointer x -> new FormatArg.Int(ValueDecoder.u64(bytes, a.offset()), false);
                case Type.Bool x -> new FormatArg.Bool(ValueDecoder.u64(bytes, a.offset()) != 0);
                case Type.Str s -> new FormatArg.Str(program.compiled().truncation().mark(ValueDecoder.cString(bytes, a.offset(), s.capacity())));
                case Type.Strerror s -> new FormatArg.Str(ErrnoMessages.of(ValueDecoder.u64(bytes, a.offset())));
                case Type.Resolved r -> new FormatArg.Str(reader.symbols().text(r, bytes, a.offset()));
                case Type.Buffer b -> new FormatArg.Bytes(ValueDecoder.bufferBytes(b, bytes, a.offset()));
                default -> throw new IllegalStateException("printf of " + t.display());
            });
        }
        return args;
    }

    private void clear(EventSpec.ClearMap c) {
        BpfMap map = program.map(c.map());
        if (!c.zero()) {
            map.clear();
            return;
        }
        byte[] zeros = new byte[map.spec().valueSize()];
        for (byte[] key : map.keys()) map.update(key, zeros);
    }

}
