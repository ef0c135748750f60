/* The loader's private middle layer: a small tree of maps, lists and text
 * values with the line and column each started at, built from libyaml
 * events (content_parse.c) and turned into a tw_guide (content_validate.c). */
#ifndef TWOWAY_CONTENT_TREE_H
#define TWOWAY_CONTENT_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "twoway/content.h"

enum cnode_type { CNODE_SCALAR, CNODE_MAP, CNODE_SEQ };

/* Most problems one file reports before the loader gives up on it. */
#define CONTENT_MAX_PROBLEMS 100
/* Deepest nesting a content file may use (it needs 6). */
#define CONTENT_MAX_DEPTH 16

struct cnode {
	enum cnode_type type;
	int line, column;      /* 1-based */
	/* CNODE_SCALAR: the value (NUL-terminated, may hold NULs inside). */
	char *value;
	size_t len;
	bool plain;            /* written without quotes or block style */
	bool skip;             /* a repeated key (already reported): ignore the pair */
	/* CNODE_MAP: kids alternate key, value; CNODE_SEQ: the entries. */
	struct cnode **kids;
	size_t n_kids, cap_kids;
};

/* Nodes come from blocks of this many, to spare malloc. */
#define CNODE_BLOCK 256

struct cblock {
	struct cblock *next;
	size_t used;
	struct cnode nodes[CNODE_BLOCK];
};

/* Every node of one file; freeing the tree frees them all. */
struct ctree {
	struct cnode *root;    /* NULL when the file has no document */
	struct cblock *blocks; /* newest first */
};

/* Problems of one file, with the file name messages start with. */
struct cctx {
	const char *name;
	struct tw_diags *diags;
	size_t n_problems;     /* this file's problems so far */
	bool nomem;
};

/* Records one problem (line 0 when unknown). Stops counting past
 * CONTENT_MAX_PROBLEMS, where it adds a last "too many problems" entry. */
void content_problem(struct cctx *cx, int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Reads buf into tree. Returns false when the file could not be read as
 * YAML at all (encoding, syntax, no document); the problems are in cx.
 * Refused constructs (anchors, aliases, duplicate keys) are reported in
 * cx but the tree is still built, so the schema can be checked too. */
bool content_tree_read(struct ctree *tree, struct cctx *cx, const char *buf, size_t len);
void content_tree_free(struct ctree *tree);

/* Turns a tree into a guide, reporting every schema problem. Takes the
 * strings it needs out of the tree. NULL when there was any problem. */
struct tw_guide *content_guide_build(struct ctree *tree, struct cctx *cx);

/* Levenshtein distance of two byte strings (each cut at 256 bytes). */
size_t content_distance(const char *a, size_t alen, const char *b, size_t blen);

/* s[0..len) fit to quote in a message, written into buf: at most 40
 * characters, control characters and bytes that are not UTF-8 as '?'. */
const char *content_show(const char *s, size_t len, char *buf, size_t size);

/* True when s[0..len) holds a character tw_text_valid refuses (a control
 * character, or bytes that are not UTF-8); *cp gets the first one. */
bool content_bad_char(const char *s, size_t len, unsigned *cp);

#endif
