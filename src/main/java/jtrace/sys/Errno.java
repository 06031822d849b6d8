package jtrace.sys;

import java.util.Map;

/** Symbolic names and descriptions of the errno values the kernel interfaces we use return. */
public final class Errno {
    private Errno() {}

    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7,
            EBADF = 9, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17,
            ENODEV = 19, ENOTDIR = 20, EINVAL = 22, ENFILE = 23, EMFILE = 24, ENOSPC = 28, ERANGE = 34,
            ENOSYS = 38, ELOOP = 40, EOPNOTSUPP = 95,
            ENOTSUPP = 524; // kernel-internal, but bpf(2) leaks it to user space

    private record Info(String name, String text) {}

    private static final Map<Integer, Info> INFO = Map.ofEntries(
            Map.entry(EPERM, new Info("EPERM", "Operation not permitted")),
            Map.entry(ENOENT, new Info("ENOENT", "No such file or directory")),
            Map.entry(ESRCH, new Info("ESRCH", "No such process")),
            Map.entry(EINTR, new Info("EINTR", "Interrupted system call")),
            Map.entry(EIO, new Info("EIO", "Input/output error")),
            Map.entry(ENXIO, new Info("ENXIO", "No such device or address")),
            Map.entry(E2BIG, new Info("E2BIG", "Argument list too long")),
            Map.entry(EBADF, new Info("EBADF", "Bad file descriptor")),
            Map.entry(EAGAIN, new Info("EAGAIN", "Resource temporarily unavailable")),
            Map.entry(ENOMEM, new Info("ENOMEM", "Cannot allocate memory")),
            Map.entry(EACCES, new Info("EACCES", "Permission denied")),
            Map.entry(EFAULT, new Info("EFAULT", "Bad address")),
            Map.entry(EBUSY, new Info("EBUSY", "Device or resource busy")),
            Map.entry(EEXIST, new Info("EEXIST", "File exists")),
            Map.entry(ENODEV, new Info("ENODEV", "No such device")),
            Map.entry(ENOTDIR, new Info("ENOTDIR", "Not a directory")),
            Map.entry(EINVAL, new Info("EINVAL", "Invalid argument")),
            Map.entry(ENFILE, new Info("ENFILE", "Too many open files in system")),
            Map.entry(EMFILE, new Info("EMFILE", "Too many open files")),
            Map.entry(ENOSPC, new Info("ENOSPC", "No space left on device")),
            Map.entry(ERANGE, new Info("ERANGE", "Numerical result out of range")),
            Map.entry(ENOSYS, new Info("ENOSYS", "Function not implemented")),
            Map.entry(ELOOP, new Info("ELOOP", "Too many levels of symbolic links")),
            Map.entry(EOPNOTSUPP, new Info("EOPNOTSUPP", "Operation not supported")),
            Map.entry(ENOTSUPP, new Info("ENOTSUPP", "Operation not supported")));

    /** "EPERM", or "errno 123" for values not in the table. */
    public static String name(int errno) {
        var info = INFO.get(errno);
        return info != null ? info.name() : "errno " + errno;
    }

    /** "Operation not permitted", like strerror(3). */
    public static String describe(int errno) {
        var info = INFO.get(errno);
        return info != null ? info.text() : "Unknown error " + errno;
    }
}
