#ifndef SPEECHQ_CSQLITE_SHIM_H
#define SPEECHQ_CSQLITE_SHIM_H

// SQLite's C library, as the export writes databases with it.

#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast of -1 to a function pointer, a macro Swift cannot import.
// Binding with it makes SQLite copy the text, so the Swift buffer need only live for the call.
// An empty Swift buffer may have no address, which SQLite would store as NULL, not as ''.
static inline int sq_sqlite3_bind_text_copied(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text ? text : "", length, SQLITE_TRANSIENT);
}

#endif
