#ifndef SPEECHQ_CTERMINAL_H
#define SPEECHQ_CTERMINAL_H

#include <sys/types.h>

/// Installs a SIGINT handler without SA_RESTART, so a blocking read (el_gets) returns
/// with EINTR and the REPL can clear the line; the handler only records the signal.
void sq_install_interrupt_handler(void);
/// Whether SIGINT arrived since the last call; clears the record.
int sq_take_interrupt(void);

/// Ctrl-C, SIGTERM and SIGHUP set the same flag instead of ending the process, so a long
/// write (an export) can stop cleanly and remove what it had written.
void sq_install_termination_handler(void);
/// Whether SIGINT arrived, without clearing it (for a running query to notice).
int sq_interrupt_pending(void);

/// What the `.output` file leaves behind if a signal ends the process while results are being
/// written: the temporary file at `temporary_path` (not yet renamed into place) is removed,
/// and the file in place open at `descriptor` is cut back to `length` bytes, the output of
/// the statements that completed. NULL and -1 for none. Set after each statement.
void sq_set_output_cleanup(const char *temporary_path, int descriptor, long long length);
/// Hold SIGINT, SIGTERM and SIGHUP until sq_release_ending_signals: around making a temporary
/// file and registering it with sq_set_output_cleanup, so a signal between the two cannot
/// leave the file behind. Not nested.
void sq_hold_ending_signals(void);
void sq_release_ending_signals(void);
/// Installs the handler that does that cleanup and then ends the process with the signal, as
/// it would have ended without: for SIGTERM and SIGHUP, and for SIGINT when `interrupt` is
/// non-zero (the prompt handles Ctrl-C itself). A signal ignored when speechq started stays
/// ignored.
void sq_install_output_cleanup(int interrupt);

/// Runs `command` with /bin/sh as a pager, `text` on its standard input, and waits for it.
/// SIGPIPE is ignored while writing, since a pager may quit before reading everything.
/// Returns the shell's exit status (126 or 127: the command could not be started), or -1
/// when no process could be started at all.
int sq_run_pager(const char *command, const char *text, size_t length);

/// Starts `path` with `argv` and `envp` in a new pseudo-terminal of `rows` x `columns`
/// (forkpty). Returns the child's pid and stores the controlling side in *master_fd;
/// -1 on failure. Used by the end-to-end tests that type into the REPL.
pid_t sq_spawn_in_pty(const char *path, char *const argv[], char *const envp[], int rows, int columns, int *master_fd);

#endif
