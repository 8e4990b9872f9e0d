#define _GNU_SOURCE
#include <errno.h>
#include <pty.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "CTerminal.h"

static volatile sig_atomic_t interrupted = 0;

static void on_interrupt(int signal_number) {
    (void)signal_number;
    interrupted = 1;
}

void sq_install_interrupt_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: el_gets must return on Ctrl-C
    sigaction(SIGINT, &action, NULL);
    // A parent may have started us with SIGINT blocked; the handler needs it delivered.
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    sigprocmask(SIG_UNBLOCK, &interrupt, NULL);
}

int sq_take_interrupt(void) {
    int was = interrupted;
    interrupted = 0;
    return was;
}

int sq_interrupt_pending(void) {
    return interrupted;
}

pid_t sq_spawn_in_pty(const char *path, char *const argv[], char *const envp[], int rows, int columns, int *master_fd) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = (unsigned short)rows;
    size.ws_col = (unsigned short)columns;
    pid_t pid = forkpty(master_fd, NULL, NULL, &size);
    if (pid == 0) {
        // Start the child as a shell would: default signal handling, nothing blocked.
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        signal(SIGINT, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        execve(path, argv, envp);
        _exit(127);
    }
    return pid;
}
