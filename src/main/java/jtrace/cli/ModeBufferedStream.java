package jtrace.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Program output buffered as -B asks, like a stdio stream set with setvbuf. Full buffering writes
 * out only when the buffer fills and at {@link #finish()}. Line buffering writes out complete lines
 * at the tracer's flush(), which comes after each batch of events it delivers: a line is out
 * microseconds after it was made, and a burst of events costs one write(2) per batch, not per line.
 */
final class ModeBufferedStream extends OutputStream {
    /** BUFSIZ. */
    static final int SIZE = 8192;

    private final OutputStream out;
    private final BufferMode mode;
    private final byte[] buf = new byte[SIZE];
    private int count;
    private boolean lineReady;

    ModeBufferedStream(OutputStream out, BufferMode mode) {
        this.out = out;
        this.mode = mode;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        boolean newline = false;
        int end = off + len;
        while (off < end) {
            if (count == SIZE) drain();
            int n = Math.min(end - off, SIZE - count);
            System.arraycopy(b, off, buf, count, n);
            if (mode == BufferMode.LINE && !newline) {
                for (int i = count; i < count + n; i++) if (buf[i] == '\n') { newline = true; break; }
            }
            count += n;
            off += n;
        }
        if (mode == BufferMode.NONE) drain();
        else if (mode == BufferMode.LINE && newline) lineReady = true;
    }

    @Override
    public void flush() throws IOException {
        if (lineReady) drain();
    }

    /** Writes out everything buffered. */
    void finish() throws IOException {
        drain();
    }

    @Override
    public void close() throws IOException {
        drain();
        out.close();
    }

    private void drain() throws IOException {
        if (count > 0) out.write(buf, 0, count);
        count = 0;
        lineReady = false;
        out.flush();
    }
}
