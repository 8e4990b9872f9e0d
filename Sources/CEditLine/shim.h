#ifndef SPEECHQ_CEDITLINE_SHIM_H
#define SPEECHQ_CEDITLINE_SHIM_H

// libedit's el_set, el_get and history are variadic, which Swift cannot call. Each
// wrapper below fixes one use of them to a plain signature.

#include <stdio.h>
#include <histedit.h>

typedef char *(*sq_prompt_function)(EditLine *);
typedef unsigned char (*sq_editor_function)(EditLine *, int);

static inline int sq_el_set_prompt(EditLine *el, sq_prompt_function prompt) {
    return el_set(el, EL_PROMPT, prompt);
}

static inline int sq_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int sq_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int sq_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

static inline int sq_el_add_function(EditLine *el, const char *name, const char *help, sq_editor_function f) {
    return el_set(el, EL_ADDFN, name, help, f);
}

static inline int sq_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

static inline int sq_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *sq_el_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

static inline int sq_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

static inline int sq_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

static inline int sq_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

#endif
