/*
 * dwarf_target: workload for jtrace's DWARF tests (uprobe args.NAME, -lv listing) and the
 * fixture the DWARF reader's unit tests read. Built with -g (DWARF 5), -gdwarf-4, -gz.
 *
 *   dwarf_target [--now] call N
 *
 * call N: N rounds, i = 0..N-1, of dt_ints(i, -i, 200, -3, 7*i, HIGH), dt_str("name<i>", i),
 * dt_rec(&rec, buf) with rec.id = 100+i, rec.pos = {i, 2*i}, rec.name "rec<i>", rec.label
 * "label", dt_mixed(1.5, i, 2.5f, 10*i), dt_byval(pt, i), dt_many(1..7), dt_ret(i) and
 * dt_tag(&tag, tag.mac, i) with tag.code "ABCD" (no NUL: a full char array) and tag.mac
 * 02:00:00:00:00:<i>, and dt_enum(c, i) with c RED, BLUE, NONE (-1), then 3 (no enumerator), repeating.
 *
 * Protocol as jtwl: names itself "dwarf_target", writes "ready PID\n", waits for SIGUSR1 unless
 * --now, runs, then _exit(0) (2 on usage errors).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#define NOINLINE __attribute__((noinline, noclone))
#define BARRIER() __asm__ volatile("" ::: "memory")

struct point {
    int x;
    int y;
};

struct record {
    long id;
    struct point pos;
    char name[16];
    const char *label;
    struct record *next;
    unsigned int flags : 3;
    unsigned int mode : 5;
    int vals[4];
    union {
        int i;
        char c;
    };
};

struct tag {
    char code[4];
    unsigned char mac[6];
};

typedef unsigned long counter_t;
enum level { LOW, HIGH = 5 };
enum color { NONE = -1, RED, GREEN, BLUE = 4 };

static const enum color colors[] = { RED, BLUE, NONE, (enum color)3 };

volatile long dt_sink;

NOINLINE int dt_ints(int a, long b, unsigned char c, short d, counter_t e, enum level f)
{
    BARRIER();
    return a + (int)b + c + d + (int)e + f;
}

NOINLINE long dt_str(const char *name, int a)
{
    BARRIER();
    return (long)strlen(name) + a;
}

NOINLINE int dt_rec(struct record *rec, char *buf)
{
    BARRIER();
    return (int)rec->id + buf[0];
}

NOINLINE double dt_mixed(double x, int a, float y, long b)
{
    BARRIER();
    return x + a + y + b;
}

NOINLINE int dt_byval(struct point p, int a)
{
    BARRIER();
    return p.x + p.y + a;
}

NOINLINE long dt_many(long a1, long a2, long a3, long a4, long a5, long a6, long a7)
{
    BARRIER();
    return a1 + a2 + a3 + a4 + a5 + a6 + a7;
}

NOINLINE struct record *dt_ret(int i)
{
    static struct record r;
    BARRIER();
    r.id = i;
    return &r;
}

NOINLINE int dt_tag(struct tag *t, unsigned char *mac, int a)
{
    BARRIER();
    return t->code[0] + mac[5] + a;
}

NOINLINE int dt_enum(enum color c, int a)
{
    BARRIER();
    return (int)c + a;
}

static void die(const char *msg)
{
    fprintf(stderr, "dwarf_target: %s\n", msg);
    exit(2);
}

int main(int argc, char **argv)
{
    int wait = 1, i = 1;
    long n, k;
    char line[64], name[32], buf[8] = "b";
    struct record rec;
    struct point pt;
    struct tag tag = { { 'A', 'B', 'C', 'D' }, { 2, 0, 0, 0, 0, 0 } };
    sigset_t set;
    int sig;

    prctl(PR_SET_NAME, "dwarf_target", 0, 0, 0);
    if (i < argc && !strcmp(argv[i], "--now")) {
        wait = 0;
        i++;
    }
    if (i + 2 != argc || strcmp(argv[i], "call"))
        die("usage: dwarf_target [--now] call N");
    n = atol(argv[i + 1]);

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    snprintf(line, sizeof line, "ready %ld\n", (long)getpid());
    if (write(1, line, strlen(line)) < 0)
        die("cannot write to stdout");
    if (wait && sigwait(&set, &sig) != 0)
        die("sigwait failed");

    for (k = 0; k < n; k++) {
        memset(&rec, 0, sizeof rec);
        rec.id = 100 + k;
        rec.pos.x = (int)k;
        rec.pos.y = 2 * (int)k;
        snprintf(rec.name, sizeof rec.name, "rec%ld", k);
        rec.label = "label";
        rec.flags = 5;
        rec.mode = 17;
        rec.vals[2] = 42;
        snprintf(name, sizeof name, "name%ld", k);
        pt.x = 1;
        pt.y = 2;
        dt_sink += dt_ints((int)k, -k, 200, -3, 7 * k, HIGH);
        dt_sink += dt_str(name, (int)k);
        dt_sink += dt_rec(&rec, buf);
        dt_sink += (long)dt_mixed(1.5, (int)k, 2.5f, 10 * k);
        dt_sink += dt_byval(pt, (int)k);
        dt_sink += dt_many(1, 2, 3, 4, 5, 6, 7);
        dt_sink += dt_ret((int)k)->id;
        tag.mac[5] = (unsigned char)k;
        dt_sink += dt_tag(&tag, tag.mac, (int)k);
        dt_sink += dt_enum(colors[k % 4], (int)k);
    }
    _exit(0);
}
