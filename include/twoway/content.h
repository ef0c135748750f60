/* Guides loaded from YAML content files: the data model, the loader and the
 * library that merges bundled, user and extra content directories.
 * Only src/core/content*.c touch libyaml; everything here is plain C data. */
#ifndef TWOWAY_CONTENT_H
#define TWOWAY_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "twoway/diag.h"

#define TW_CONTENT_SCHEMA 1
#define TW_CONTENT_MAX_BYTES (1024 * 1024)

enum tw_item_kind {
	TW_ITEM_CHECK,   /* a box to tick */
	TW_ITEM_REFLECT, /* a prompt answered in free text */
	TW_ITEM_RATE,    /* a 1-5 self-rating with a label for each end */
};

enum tw_basis {
	TW_BASIS_ARTICLE, /* stated in the source article */
	TW_BASIS_ADAPTED, /* an adaptation, not the authors' words */
};

/* Where a reflect item's answer goes when the app builds a meeting brief.
 * Set in content with the optional item key `slot:`. */
enum tw_slot {
	TW_SLOT_NONE = 0,
	TW_SLOT_HOMEWORK,    /* what I learned about the sponsor */
	TW_SLOT_CHALLENGE,   /* a challenge I want their input on */
	TW_SLOT_QUESTIONS,   /* questions about their career and experience */
	TW_SLOT_NEXT_STEP,   /* a next step I am weighing */
	TW_SLOT_FEEDBACK,    /* feedback about me to share */
	TW_SLOT_ASK,         /* the one ask for this meeting */
	TW_SLOT_NOTES,       /* after: what was said */
	TW_SLOT_OUTCOME,     /* after: what came of it, commitments on each side */
	TW_SLOT_FOLLOW_UP,   /* after: thank-you and follow-up */
	TW_SLOT_REPORT_BACK, /* after: what to report back next time */
	TW_SLOT_COUNT
};

struct tw_item {
	char *id;         /* slug, unique in its section */
	char *full_id;    /* "guide/section/item": what progress is stored against */
	enum tw_item_kind kind;
	char *text;       /* the prompt or checklist line */
	char *detail;     /* optional paragraph, NULL when absent */
	char *coach;      /* optional coach prompt, NULL when absent */
	char *low;        /* rate items: label for 1 (NULL otherwise) */
	char *high;       /* rate items: label for 5 (NULL otherwise) */
	enum tw_slot slot;
	int line;         /* where the item starts in its file */
};

struct tw_section {
	char *id;
	char *title;
	char *intro;      /* optional, NULL when absent */
	enum tw_basis basis;
	struct tw_item *items;
	size_t n_items;
};

struct tw_guide {
	char *id;
	char *title;
	char *summary;
	char *source;
	char *locale;
	char *path;       /* the file it was loaded from */
	struct tw_section *sections;
	size_t n_sections;
};

/* Parses and validates one guide held in memory. name is used in messages.
 * On success returns a guide the caller frees with tw_guide_free. On any
 * problem returns NULL and appends every problem found to diags. */
struct tw_guide *tw_content_parse(const char *name, const char *buf, size_t len,
				  struct tw_diags *diags);

/* Reads and parses one file (refusing files over TW_CONTENT_MAX_BYTES). */
struct tw_guide *tw_content_load_file(const char *path, struct tw_diags *diags);

void tw_guide_free(struct tw_guide *guide);

const char *tw_item_kind_name(enum tw_item_kind kind);  /* "check" ... */
const char *tw_slot_name(enum tw_slot slot);            /* "challenge" ... */

/* ---- the library: every loaded guide, in load order ---- */

struct tw_library {
	struct tw_guide **guides;
	size_t n_guides, cap_guides;
	struct tw_diags problems; /* every problem of every skipped file */
	char **notices;           /* e.g. "guide 'x' from B replaces the one from A" */
	size_t n_notices, cap_notices;
	size_t n_skipped;         /* files skipped because of problems */
};

struct tw_library *tw_library_new(void);
void tw_library_free(struct tw_library *lib);

/* Loads every *.yaml file of dir in name order. A missing directory is not
 * an error when optional is true. A file with problems is skipped and its
 * problems land in lib->problems; a guide whose id is already loaded
 * replaces the earlier one and adds a notice. Returns false only on no
 * memory or (optional == false) an unreadable directory. */
bool tw_library_add_dir(struct tw_library *lib, const char *dir, bool optional);

/* Loads one file, with the same replace rules. */
bool tw_library_add_file(struct tw_library *lib, const char *path);

/* Loads the standard set: bundled_dir, then $XDG_DATA_HOME/twoway/content
 * (~/.local/share/twoway/content), then extra_dir when not NULL (--content
 * or TWOWAY_CONTENT, resolved by the caller). */
struct tw_library *tw_library_load_default(const char *bundled_dir,
					   const char *extra_dir);

/* The file a build directory puts beside the binary: its first line names
 * the source tree's content directory, so a binary run from its build
 * directory reads the guides it was built with. Installs never carry it. */
#define TW_BUILD_MARKER "twoway-build-content"

/* The bundled guides' directory: the one TW_BUILD_MARKER beside the running
 * binary names; else installed_dir (datadir/twoway/content of the prefix the
 * binary was built for) when it exists; else rel_dir taken from the binary's
 * own directory (a DESTDIR or moved install) when that exists; else
 * installed_dir. The caller frees; NULL on no memory. */
char *tw_library_bundled_dir(const char *installed_dir, const char *rel_dir);

/* Lookups; returned pointers are borrowed from the library. */
const struct tw_guide *tw_library_guide(const struct tw_library *lib, const char *id);
const struct tw_item *tw_library_item(const struct tw_library *lib, const char *full_id,
				      const struct tw_guide **guide,
				      const struct tw_section **section);

/* Fills up to max full ids closest to a mistyped full_id (edit distance),
 * best first; the strings are borrowed. Returns how many were filled. */
size_t tw_library_suggest(const struct tw_library *lib, const char *full_id,
			  const char **out, size_t max);

#endif
