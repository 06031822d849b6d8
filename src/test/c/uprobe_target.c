/*
 * uprobe_target: workload for jtrace's uprobe, uretprobe and usdt tests. Linked dynamically
 * (libc functions are probed in libc.so.6) and built without -g (no DWARF).
 *
 *   uprobe_target [--now] STEP...
 *
 * Steps:
 *   call N     N calls ut_args(i, i+1, ..., i+7) (eight arguments: six in registers, two on the
 *              stack) and N calls ut_ret(i), which returns 3*i+1; i = 0..N-1.
 *   wild N     N calls each of ut_wild_one, ut_wild_two, ut_wild_three.
 *   getpid N   N calls of libc's getpid().
 *   usdt N     N hits each of the USDT probes jtrace_test:tick (args: int i in a register,
 *              long i*100 in memory, the constant -7), jtrace_test:global (arg: the global
 *              ut_global = 1234, read through %rip), and, only while its semaphore is set,
 *              jtrace_test:guarded (arg: the semaphore's value).
 *
 * Protocol as jtwl: names itself "uprobe_target", writes "ready PID\n", waits for SIGUSR1
 * unless --now, runs its steps, then _exit(0) (3 when a step misbehaved, 2 on usage errors).
 *
 * The USDT notes follow the SystemTap SDT layout, written here by hand (no sys/sdt.h): a note
 * "stapsdt" of type 3 in .note.stapsdt holding the probe address, the address of .stapsdt.base,
 * the semaphore address (or 0), then provider, name and argument string, NUL-terminated.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#define UT_NOTE_HEAD(provider, name, sem)                                               \
    "990: nop\n"                                                                       \
    ".pushsection .note.stapsdt,\"\",\"note\"\n"                                       \
    ".balign 4\n"                                                                      \
    ".4byte 992f-991f, 994f-993f, 3\n"                                                 \
    "991: .asciz \"stapsdt\"\n"                                                        \
    "992: .balign 4\n"                                                                 \
    "993: .8byte 990b\n"                                                               \
    ".8byte _.stapsdt.base\n"                                                          \
    ".8byte " sem "\n"                                                                 \
    ".asciz \"" provider "\"\n"                                                        \
    ".asciz \"" name "\"\n"

#define UT_NOTE_TAIL                                                                   \
    "994: .balign 4\n"                                                                 \
    ".popsection\n"                                                                    \
    ".ifndef _.stapsdt.base\n"                                                         \
    ".pushsection .stapsdt.base,\"aG\",\"progbits\",.stapsdt.base,comdat\n"           \
    ".weak _.stapsdt.base\n"                                                           \
    ".hidden _.stapsdt.base\n"                                                         \
    "_.stapsdt.base: .space 1\n"                                                       \
    ".size _.stapsdt.base, 1\n"                                                        \
    ".popsection\n"                                                                    \
    ".endif\n"

/* The semaphore the kernel counts up while a tracer is attached to jtrace_test:guarded. */
__attribute__((section(".probes"), used)) volatile unsigned short jtrace_test_guarded_semaphore;

volatile long ut_global = 1234;

__attribute__((noinline)) long ut_args(long a, long b, long c, long d, long e, long f, long g, long h)
{
    __asm__ volatile("" ::: "memory");
    return a + b + c + d + e + f + g + h;
}

__attribute__((noinline)) long ut_ret(long i)
{
    __asm__ volatile("" ::: "memory");
    return 3 * i + 1;
}

__attribute__((noinline)) void ut_wild_one(void) { __asm__ volatile("" ::: "memory"); }
__attribute__((noinline)) void ut_wild_two(void) { __asm__ volatile("" ::: "memory"); }
__attribute__((noinline)) void ut_wild_three(void) { __asm__ volatile("" ::: "memory"); }

__attribute__((noinline)) static void usdt_step(int i)
{
    volatile long hundred = (long)i * 100;
    __asm__ __volatile__(UT_NOTE_HEAD("jtrace_test", "tick", "0")
                         ".asciz \"-4@%[a1] 8@%[a2] -4@%[a3]\"\n"
                         UT_NOTE_TAIL
                         :: [a1] "r"(i), [a2] "m"(hundred), [a3] "i"(-7));
    __asm__ __volatile__(UT_NOTE_HEAD("jtrace_test", "global", "0")
                         ".asciz \"8@%[a1]\"\n"
                         UT_NOTE_TAIL
                         :: [a1] "m"(ut_global));
    if (jtrace_test_guarded_semaphore) {
        unsigned short v = jtrace_test_guarded_semaphore;
        __asm__ __volatile__(UT_NOTE_HEAD("jtrace_test", "guarded", "jtrace_test_guarded_semaphore")
                             ".asciz \"2@%[a1]\"\n"
                             UT_NOTE_TAIL
                             :: [a1] "r"(v));
    }
}

enum kind { CALL, WILD, GETPID, USDT };

struct step {
    enum kind kind;
    long n;
};

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "uprobe_target: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(2);
}

static int run(const struct step *st)
{
    long i;
    switch (st->kind) {
    case CALL:
        for (i = 0; i < st->n; i++) {
            if (ut_args(i, i + 1, i + 2, i + 3, i + 4, i + 5, i + 6, i + 7) != 8 * i + 28)
                return 3;
            if (ut_ret(i) != 3 * i + 1)
                return 3;
        }
        return 0;
    case WILD:
        for (i = 0; i < st->n; i++) {
            ut_wild_one();
            ut_wild_two();
            ut_wild_three();
        }
        return 0;
    case GETPID:
        for (i = 0; i < st->n; i++)
            if (getpid() <= 0)
                return 3;
        return 0;
    case USDT:
        for (i = 0; i < st->n; i++)
            usdt_step((int)i);
        return 0;
    }
    return 3;
}

int main(int argc, char **argv)
{
    struct step steps[16];
    int nsteps = 0, wait = 1, i = 1;
    char line[64];
    sigset_t set;
    int sig;

    prctl(PR_SET_NAME, "uprobe_target", 0, 0, 0);
    if (i < argc && !strcmp(argv[i], "--now")) {
        wait = 0;
        i++;
    }
    if (i >= argc)
        die("usage: uprobe_target [--now] STEP... (see uprobe_target.c)", NULL);
    while (i < argc) {
        const char *k = argv[i];
        if (nsteps == 16)
            die("too many steps", NULL);
        if (i + 1 >= argc)
            die("missing N for step", k);
        steps[nsteps].kind = !strcmp(k, "call") ? CALL : !strcmp(k, "wild") ? WILD
                           : !strcmp(k, "getpid") ? GETPID : !strcmp(k, "usdt") ? USDT : -1;
        if ((int)steps[nsteps].kind < 0)
            die("unknown step", k);
        steps[nsteps].n = atol(argv[i + 1]);
        nsteps++;
        i += 2;
    }

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
