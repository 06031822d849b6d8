/*
 * jtwl: deterministic workload for jtrace's end-to-end tests.
 *
 *   jtwl [--now] STEP...
 *
 * Steps (run in order; several may be given):
 *   read FILE N SIZE    N read(2) calls of SIZE bytes on FILE, each returning SIZE.
 *                       A regular FILE is created/extended (sparse) to N*SIZE bytes first.
 *   write FILE N SIZE   N write(2) calls of SIZE bytes on FILE (created/truncated first).
 *   badread N           N read(2) calls on closed fd 1000: each returns -EBADF (-9).
 *   getpid N            N getpid(2) syscalls.
 *   openat PATH N       N openat(2) calls on PATH (fds are left open: keep N below ~1000).
 *   sleep MS            one nanosleep(2) of MS milliseconds.
 *   call N              N calls of the non-inlined function jtwl_func(i), i = 0..N-1 (for uprobes).
 *   poke N              N stores (values 1..N) to the 8-byte global jtwl_watched; before "ready"
 *                       its address is written to stdout as "watch 0xADDR" (for watchpoints).
 *
 * Start protocol: the process names itself "jtwl", opens its files, blocks SIGUSR1, writes
 * "ready PID\n" to stdout, then waits for SIGUSR1 (the "go" signal; sigwait is not read(2), so
 * a tracer counting reads sees none from the wait). After go it makes exactly the syscalls of
 * its steps, then exit_group(2): no stdio, no other syscalls. --now skips the wait.
 * The binary is linked statically when possible so that no loader reads happen at all.
 * Exit status: 0 ok, 2 usage or setup error (before go), 3 a step misbehaved (after go).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define MAX_STEPS 32
#define BAD_FD 1000

enum kind { READ, WRITE, BADREAD, GETPID, OPENAT, SLEEP, CALL, POKE };

struct step {
    enum kind kind;
    const char *path;
    long n;
    long size;
    int fd;
};

static char buf[1 << 20];

volatile long jtwl_watched;

__attribute__((noinline)) long jtwl_func(long i)
{
    __asm__ volatile("" ::: "memory"); /* keeps the call and its argument */
    return i * 2;
}

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "jtwl: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(2);
}

static long number(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 0)
        die("not a non-negative number", s);
    return v;
}

static int parse(int argc, char **argv, int i, struct step *st)
{
    const char *k = argv[i];
    int need = !strcmp(k, "read") || !strcmp(k, "write") ? 3
             : !strcmp(k, "openat") ? 2
             : !strcmp(k, "badread") || !strcmp(k, "getpid") || !strcmp(k, "sleep") || !strcmp(k, "call")
               || !strcmp(k, "poke") ? 1
             : -1;
    if (need < 0)
        die("unknown step", k);
    if (i + need >= argc)
        die("missing arguments for step", k);
    memset(st, 0, sizeof *st);
    st->fd = -1;
    if (!strcmp(k, "read") || !strcmp(k, "write")) {
        st->kind = k[0] == 'r' ? READ : WRITE;
        st->path = argv[i + 1];
        st->n = number(argv[i + 2]);
        st->size = number(argv[i + 3]);
        if (st->size > (long)sizeof buf)
            die("SIZE too large (max 1048576)", argv[i + 3]);
    } else if (!strcmp(k, "openat")) {
        st->kind = OPENAT;
        st->path = argv[i + 1];
        st->n = number(argv[i + 2]);
    } else {
        st->kind = !strcmp(k, "badread") ? BADREAD : !strcmp(k, "getpid") ? GETPID
                 : !strcmp(k, "sleep") ? SLEEP : !strcmp(k, "poke") ? POKE : CALL;
        st->n = number(argv[i + 1]);
    }
    return i + need + 1;
}

/* Everything that needs syscalls other than the step's own happens here, before go. */
static void prepare(struct step *st)
{
    struct stat sb;
    switch (st->kind) {
    case READ:
        st->fd = open(st->path, O_RDWR | O_CREAT, 0644);
        if (st->fd < 0)
            st->fd = open(st->path, O_RDONLY);
        if (st->fd < 0)
            die("cannot open", st->path);
        if (fstat(st->fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size < st->n * st->size
            && ftruncate(st->fd, st->n * st->size) != 0)
            die("cannot extend", st->path);
        break;
    case WRITE:
        st->fd = open(st->path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (st->fd < 0)
            die("cannot open", st->path);
        break;
    case BADREAD:
        close(BAD_FD);
        break;
    case POKE: {
        char line[64];
        snprintf(line, sizeof line, "watch %p\n", (void *)&jtwl_watched);
        if (write(1, line, strlen(line)) < 0)
            die("cannot write to stdout", NULL);
        break;
    }
    default:
        break;
    }
}

/* Not inlined, with frame pointers: ustack from a step's syscall shows run and main. */
static __attribute__((noinline)) int run(const struct step *st)
{
    long i;
    switch (st->kind) {
    case READ:
        for (i = 0; i < st->n; i++)
            if (read(st->fd, buf, st->size) != st->size)
                return 3;
        return 0;
    case WRITE:
        for (i = 0; i < st->n; i++)
            if (write(st->fd, buf, st->size) != st->size)
                return 3;
        return 0;
    case BADREAD:
        for (i = 0; i < st->n; i++)
            if (read(BAD_FD, buf, 16) != -1 || errno != EBADF)
                return 3;
        return 0;
    case GETPID:
        for (i = 0; i < st->n; i++)
            syscall(SYS_getpid);
        return 0;
    case OPENAT:
        for (i = 0; i < st->n; i++)
            if (syscall(SYS_openat, AT_FDCWD, st->path, O_RDONLY) < 0)
                return 3;
        return 0;
    case SLEEP: {
        struct timespec ts = { st->n / 1000, (st->n % 1000) * 1000000L };
        return syscall(SYS_nanosleep, &ts, NULL) == 0 ? 0 : 3;
    }
    case POKE:
        for (i = 0; i < st->n; i++)
            jtwl_watched = i + 1;
        return jtwl_watched == st->n ? 0 : 3;
    case CALL: {
        long sum = 0;
        for (i = 0; i < st->n; i++)
            sum += jtwl_func(i);
        return sum == st->n * (st->n - 1) ? 0 : 3;
    }
    }
    return 3;
}

int main(int argc, char **argv)
{
    struct step steps[MAX_STEPS];
    int nsteps = 0, wait = 1, i = 1;
    char line[64];
    sigset_t set;
    int sig;

    prctl(PR_SET_NAME, "jtwl", 0, 0, 0);
    if (i < argc && !strcmp(argv[i], "--now")) {
        wait = 0;
        i++;
    }
    if (i >= argc)
        die("usage: jtwl [--now] STEP... (see jtwl.c)", NULL);
    while (i < argc) {
        if (nsteps == MAX_STEPS)
            die("too many steps", NULL);
        i = parse(argc, argv, i, &steps[nsteps++]);
    }
    for (i = 0; i < nsteps; i++)
        prepare(&steps[i]);

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    snprintf(line, sizeof line, "ready %ld\n", (long)getpid());
    if (write(1, line, strlen(line)) < 0)
        die("cannot write to stdout", NULL);
    if (wait && sigwait(&set, &sig) != 0)
        die("sigwait failed", NULL);

    for (i = 0; i < nsteps; i++)
        if (run(&steps[i]) != 0)
            _exit(3);
    _exit(0);
}
