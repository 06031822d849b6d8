/* A position-independent executable with globals for uaddr(): called with one argument, it calls
 * show() with the prompt set, so a uprobe on show() can read the globals through uaddr(). */
#include <stdio.h>
#include <string.h>

char *prompt_text = "initial";
int counter = 7;

__attribute__((noinline)) void show(const char *s) {
    fprintf(stderr, "%s %d\n", s, counter);
}

int main(int argc, char **argv) {
    prompt_text = argc > 1 ? argv[1] : "none";
    counter = 42;
    show(prompt_text);
    return 0;
}
