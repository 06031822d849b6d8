package jtrace.sys;

/** File descriptor helpers. */
public final class Fd {
    private Fd() {}

    /** close(2); errors (other than a bad fd, which is a bug) are ignored, as there is nothing to do about them. */
    public static void close(int fd) {
        if (fd < 0) return;
        if (Libc.close(fd) < 0 && Libc.errno() == Errno.EBADF) {
            throw new SysException("close(" + fd + ")", Errno.EBADF);
        }
    }
}
