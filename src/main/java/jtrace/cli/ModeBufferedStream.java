package jtrace.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Program output buffered as -B asks, like a stdio stream set with setvbuf. The tracer's periodic
 * flush() is ignored, so line and full buffering mean what they say; {@link #finish()} writes
 * out what is left at exit.
 */
final class ModeBufferedStream extends OutputStream {
    /** BUFSIZ. */
    static final int SIZE = 8192;

    private final OutputStream out;
    private final BufferMode mode;
    private final byte[] buf = new byte[SIZE];
    private int count;

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
        for (int i = off; i < off + len; i++) {
            if (count == SIZE) drain();
            buf[count++] = b[i];
            if (b[i] == '\n') newline = true;
        }
        if (mode == BufferMode.NONE || (mode == BufferMode.LINE && newline)) drain();
    }

    @Override
    public void flush() {
        // Deliberately nothing: see the class comment.
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
        out.flush();
    }
}
