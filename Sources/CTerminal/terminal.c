#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pty.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
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

void sq_install_termination_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;  // writes carry on; the work polls the flag between rows
    int signals[] = {SIGINT, SIGTERM, SIGHUP};
    sigset_t unblock;
    sigemptyset(&unblock);
    for (size_t k = 0; k < sizeof signals / sizeof signals[0]; k++) {
        sigaction(signals[k], &action, NULL);
        sigaddset(&unblock, signals[k]);
    }
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
}

static char cleanup_path[PATH_MAX + 1];
static volatile sig_atomic_t cleanup_has_path = 0;
static volatile sig_atomic_t cleanup_descriptor = -1;
static volatile off_t cleanup_length = 0;

static void block_ending_signals(sigset_t *previous) {
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, previous);
}

static sigset_t held_previous;

void sq_hold_ending_signals(void) {
    block_ending_signals(&held_previous);
}

void sq_release_ending_signals(void) {
    sigprocmask(SIG_SETMASK, &held_previous, NULL);
}

void sq_set_output_cleanup(const char *temporary_path, int descriptor, long long length) {
    sigset_t previous;
    block_ending_signals(&previous);
    cleanup_has_path = 0;
    if (temporary_path != NULL && strlen(temporary_path) < sizeof cleanup_path) {
        strcpy(cleanup_path, temporary_path);
        cleanup_has_path = 1;
    }
    cleanup_descriptor = descriptor;
    cleanup_length = (off_t)length;
    sigprocmask(SIG_SETMASK, &previous, NULL);
}

static void on_ending_signal(int signal_number) {
    // unlink(2) and ftruncate(2) are async-signal-safe.
    if (cleanup_has_path) unlink(cleanup_path);
    if (cleanup_descriptor >= 0) (void)ftruncate(cleanup_descriptor, cleanup_length);
    // SA_RESETHAND restored the default action and SA_NODEFER lets it happen now.
    raise(signal_number);
}

void sq_install_output_cleanup(int interrupt) {
    int signals[] = {SIGINT, SIGTERM, SIGHUP};
    sigset_t unblock;
    sigemptyset(&unblock);
    for (size_t k = interrupt ? 0 : 1; k < sizeof signals / sizeof signals[0]; k++) {
        struct sigaction previous;
        if (sigaction(signals[k], NULL, &previous) != 0 || previous.sa_handler == SIG_IGN) continue;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_ending_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND | SA_NODEFER | SA_RESTART;
        sigaction(signals[k], &action, NULL);
        sigaddset(&unblock, signals[k]);
    }
    // A parent may have started us with them blocked (as sq_install_termination_handler).
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
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

int sq_run_pager(const char *command, const char *text, size_t length) {
    int fds[2];
    if (pipe(fds) != 0) return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        dup2(fds[0], STDIN_FILENO);
        close(fds[0]);
        close(fds[1]);
        // Our SIGINT handler only sets a flag; the pager needs the default (or its own).
        signal(SIGINT, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    // Leaving the pager early (q in less) closes the pipe: that ends the writing, not us.
    struct sigaction ignore, previous;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &previous);
    size_t written = 0;
    while (written < length) {
        ssize_t n = write(fds[1], text + written, length - written);
        if (n < 0) {
            if (errno == EINTR) continue;  // Ctrl-C reaches us too; the pager decides
            break;
        }
        written += (size_t)n;
    }
    close(fds[1]);
    sigaction(SIGPIPE, &previous, NULL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    // A pager ended by a signal still ran; only the shell's own codes mean it did not.
    return WIFEXITED(status) ? WEXITSTATUS(status) : 0;
}
