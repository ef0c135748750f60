/* Reading a content file: the size and encoding checks, then libyaml's event
 * stream folded into a small tree that keeps every node's line and column.
 * Anchors, aliases, repeated keys and runaway nesting are refused here. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "content_tree.h"
#include "twoway/util.h"

void content_problem(struct cctx *cx, int line, int column, const char *fmt, ...)
{
	if (cx->n_problems > CONTENT_MAX_PROBLEMS)
		return;
	cx->n_problems++;
	if (cx->n_problems > CONTENT_MAX_PROBLEMS) {
		if (!tw_diags_add(cx->diags, cx->name, 0, 0,
				  "too many problems; the rest of this file was not checked"))
			cx->nomem = true;
		return;
	}
	char *msg = NULL;
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	if (n < 0 || !tw_diags_add(cx->diags, cx->name, line, column, "%s", msg))
		cx->nomem = true;
	free(msg);
}

/* ---- encoding: every byte that is not UTF-8, every control character ---- */

/* Characters libyaml refuses in a stream (and twoway refuses in text). */
static bool forbidden(unsigned cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
	       (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF;
}

const char *content_show(const char *s, size_t len, char *buf, size_t size)
{
	size_t o = 0, chars = 0;
	for (size_t i = 0; s && i < len && o + 8 < size;) {
		unsigned cp;
		size_t n = tw_utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (++chars > 40) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		if (!n || (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))) {
			buf[o++] = '?';
			i += n ? n : 1;
			continue;
		}
		memcpy(buf + o, s + i, n);
		o += n;
		i += n;
	}
	buf[o] = '\0';
	return buf;
}

bool content_bad_char(const char *s, size_t len, unsigned *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			i++;
			continue;
		}
		size_t n = tw_utf8_decode(p + i, len - i, cp);
		if (!n) {
			*cp = p[i];
			return true;
		}
		if ((*cp < 0x20 && *cp != '\n' && *cp != '\t') || *cp == 0x7F ||
		    (*cp >= 0x80 && *cp < 0xA0))
			return true;
		i += n;
	}
	return false;
}

/* Reports every run of non-UTF-8 bytes and every control character, and
 * overwrites each in the copy with harmless letters of the same byte length
 * and character count, so that the YAML and the schema can still be
 * checked with the right lines and columns. */
static void check_encoding(struct cctx *cx, unsigned char *s, size_t len)
{
	int line = 1, col = 1;
	size_t i = 0;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = 3; /* a UTF-8 byte order mark is fine */
	while (i < len) {
		if (s[i] >= 0x20 && s[i] < 0x7F) { /* the common case */
			i++;
			col++;
			continue;
		}
		unsigned cp;
		size_t n = tw_utf8_decode(s + i, len - i, &cp);
		if (!n) {
			size_t start = i;
			char shown[40] = "";
			size_t used = 0;
			while (i < len && !tw_utf8_decode(s + i, len - i, &cp)) {
				if (i - start < 4)
					used += (size_t)snprintf(shown + used, sizeof(shown) - used,
								 "%s0x%02X", used ? " " : "", s[i]);
				s[i++] = 'x';
			}
			content_problem(cx, line, col,
					"%s %s%s%s not UTF-8 (save the file as UTF-8)",
					i - start > 1 ? "bytes" : "byte", shown,
					i - start > 4 ? " ..." : "", i - start > 1 ? " are" : " is");
			col += (int)(i - start);
			continue;
		}
		if (cp == '\n' || (cp == '\r' && !(i + 1 < len && s[i + 1] == '\n'))) {
			line++;
			col = 1;
			i++;
			continue;
		}
		if (cp != '\r' && forbidden(cp)) {
			content_problem(cx, line, col,
					"control character U+%04X; content may not hold control "
					"characters or escape sequences",
					cp);
			/* n bytes, one character: 'x' or a two/three-byte letter. */
			if (n == 1)
				s[i] = 'x';
			else if (n == 2)
				s[i] = 0xC3, s[i + 1] = 0x97;
			else
				s[i] = 0xE2, s[i + 1] = 0x80, s[i + 2] = 0xA2;
		}
		i += n;
		if (cp != '\r')
			col++;
	}
}

/* Byte offset of a 0-based libyaml (line, column) in s, or len. */
static size_t offset_of(const char *s, size_t len, size_t line, size_t col)
{
	size_t i = 0;
	while (line > 0 && i < len) {
		if (s[i] == '\n' || (s[i] == '\r' && !(i + 1 < len && s[i + 1] == '\n')))
			line--;
		i++;
	}
	while (col > 0 && i < len) {
		unsigned cp;
		size_t n = tw_utf8_decode((const unsigned char *)s + i, len - i, &cp);
		i += n ? n : 1;
		col--;
	}
	return i;
}

/* Line and column (1-based) of a byte offset in s. */
static void position_of(const char *s, size_t len, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && i < len; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && !(i + 1 < len && s[i + 1] == '\n'))) {
			++*line;
			*col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80 && s[i] != '\r') {
			++*col;
		}
	}
}

static void syntax_problem(struct cctx *cx, yaml_parser_t *p, const char *s, size_t len)
{
	if (p->error == YAML_MEMORY_ERROR) {
		cx->nomem = true;
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		int line, col;
		position_of(s, len, p->problem_offset, &line, &col);
		content_problem(cx, line, col, "cannot read this as UTF-8 text (%s)",
				p->problem ? p->problem : "unknown problem");
		return;
	}
	int line = (int)p->problem_mark.line + 1, col = (int)p->problem_mark.column + 1;
	const char *problem = p->problem ? p->problem : "unknown problem";
	size_t at = offset_of(s, len, p->problem_mark.line, p->problem_mark.column);
	if (at < len && s[at] == '\t') {
		content_problem(cx, line, col,
				"tab character where YAML needs spaces (indent with spaces, not tabs)");
	} else if (p->context) {
		content_problem(cx, line, col, "YAML syntax error: %s (%s started at line %d, column %d)",
				problem, p->context, (int)p->context_mark.line + 1,
				(int)p->context_mark.column + 1);
	} else {
		content_problem(cx, line, col, "YAML syntax error: %s", problem);
	}
}

/* ---- the tree ---- */

static struct cnode *new_node(struct ctree *t, enum cnode_type type, const yaml_mark_t *m)
{
	if (!t->blocks || t->blocks->used == CNODE_BLOCK) {
		struct cblock *b = malloc(sizeof(*b));
		if (!b)
			return NULL;
		b->next = t->blocks;
		b->used = 0;
		t->blocks = b;
	}
	struct cnode *n = &t->blocks->nodes[t->blocks->used++];
	*n = (struct cnode){ .type = type, .line = (int)m->line + 1, .column = (int)m->column + 1 };
	return n;
}

static bool add_kid(struct cnode *parent, struct cnode *kid)
{
	if (!tw_grow((void **)&parent->kids, &parent->cap_kids, parent->n_kids,
		     sizeof *parent->kids))
		return false;
	parent->kids[parent->n_kids++] = kid;
	return true;
}

static const char *type_name(const struct cnode *n)
{
	return n->type == CNODE_MAP ? "a map" : n->type == CNODE_SEQ ? "a list" : "text";
}

/* Hangs node under the innermost open map or list, checking keys. */
static bool attach(struct ctree *t, struct cctx *cx, struct cnode **stack, size_t depth,
		   struct cnode *node)
{
	if (depth == 0) {
		if (!t->root)
			t->root = node;
		return true;
	}
	struct cnode *parent = stack[depth - 1];
	if (parent->type == CNODE_MAP && parent->n_kids % 2 == 0) {
		if (node->type != CNODE_SCALAR) {
			content_problem(cx, node->line, node->column,
					"a key must be a plain name, not %s", type_name(node));
			node->skip = true;
		} else {
			for (size_t i = 0; i < parent->n_kids; i += 2) {
				const struct cnode *k = parent->kids[i];
				if (k->type == CNODE_SCALAR && !k->skip && k->len == node->len &&
				    memcmp(k->value, node->value, node->len) == 0) {
					char buf[200];
					content_problem(cx, node->line, node->column,
							"key '%s' appears twice in this map (first at line %d)",
							content_show(node->value, node->len, buf, sizeof(buf)),
							k->line);
					node->skip = true;
					break;
				}
			}
		}
	}
	return add_kid(parent, node);
}

static void refuse_anchor(struct cctx *cx, const yaml_char_t *anchor, const yaml_mark_t *m)
{
	char buf[200];
	if (anchor)
		content_problem(cx, (int)m->line + 1, (int)m->column + 1,
				"anchors (&%s) are not allowed in content files; write the text out",
				content_show((const char *)anchor, strlen((const char *)anchor), buf,
					     sizeof(buf)));
}

bool content_tree_read(struct ctree *t, struct cctx *cx, const char *buf, size_t len)
{
	const unsigned char *u = (const unsigned char *)buf;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		content_problem(cx, 1, 1, "the file is UTF-16; save it as UTF-8");
		return false;
	}
	unsigned char *s = malloc(len + 1);
	if (!s) {
		cx->nomem = true;
		return false;
	}
	memcpy(s, buf, len);
	s[len] = '\0';
	check_encoding(cx, s, len);

	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		free(s);
		cx->nomem = true;
		return false;
	}
	yaml_parser_set_input_string(&p, s, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);

	struct cnode *stack[CONTENT_MAX_DEPTH];
	size_t depth = 0;
	int docs = 0;
	bool ok = true, done = false;
	while (!done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			syntax_problem(cx, &p, (const char *)s, len);
			ok = false;
			break;
		}
		struct cnode *node = NULL;
		const yaml_mark_t *m = &ev.start_mark;
		switch (ev.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				content_problem(cx, (int)m->line + 1, (int)m->column + 1,
						"a second YAML document starts here; a content file holds one guide");
				ok = false;
				done = true;
			}
			break;
		case YAML_SCALAR_EVENT:
			refuse_anchor(cx, ev.data.scalar.anchor, m);
			node = new_node(t, CNODE_SCALAR, m);
			if (node) {
				/* Take libyaml's NUL-terminated copy rather than copying it
				 * again: libyaml allocates with malloc and frees with free. */
				node->value = (char *)ev.data.scalar.value;
				node->len = ev.data.scalar.length;
				ev.data.scalar.value = NULL;
				node->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			}
			if (!node || !node->value || !attach(t, cx, stack, depth, node))
				cx->nomem = true;
			break;
		case YAML_ALIAS_EVENT: {
			char shown[200];
			const char *a = (const char *)ev.data.alias.anchor;
			content_problem(cx, (int)m->line + 1, (int)m->column + 1,
					"aliases (*%s) are not allowed in content files; write the text out",
					content_show(a, strlen(a), shown, sizeof(shown)));
			node = new_node(t, CNODE_SCALAR, m);
			if (node) {
				node->value = calloc(1, 1);
				node->plain = true;
				node->skip = true; /* reported here; the schema ignores it */
			}
			if (!node || !node->value || !attach(t, cx, stack, depth, node))
				cx->nomem = true;
			break;
		}
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			refuse_anchor(cx, ev.type == YAML_MAPPING_START_EVENT
					      ? ev.data.mapping_start.anchor
					      : ev.data.sequence_start.anchor, m);
			if (depth == CONTENT_MAX_DEPTH) {
				content_problem(cx, (int)m->line + 1, (int)m->column + 1,
						"nested more than %d levels deep; a guide needs far fewer",
						CONTENT_MAX_DEPTH);
				ok = false;
				done = true;
				break;
			}
			node = new_node(t, ev.type == YAML_MAPPING_START_EVENT ? CNODE_MAP : CNODE_SEQ, m);
			if (!node || !attach(t, cx, stack, depth, node))
				cx->nomem = true;
			else
				stack[depth++] = node;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth > 0)
				depth--;
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (cx->nomem || cx->n_problems > CONTENT_MAX_PROBLEMS) {
			ok = false;
			done = true;
		}
	}
	yaml_parser_delete(&p);
	free(s);
	if (ok && docs == 0) {
		content_problem(cx, 1, 1, "the file is empty; a guide starts with 'schema: 1'");
		ok = false;
	}
	return ok;
}

void content_tree_free(struct ctree *t)
{
	for (struct cblock *b = t->blocks, *next; b; b = next) {
		next = b->next;
		for (size_t i = 0; i < b->used; i++) {
			free(b->nodes[i].value);
			free(b->nodes[i].kids);
		}
		free(b);
	}
	*t = (struct ctree){ 0 };
}

/* ---- the public entry points ---- */

/* Orders one file's problems by position (file-wide ones last), keeping
 * the order of problems found at the same place. */
static void sort_diags(struct tw_diag *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct tw_diag d = v[i];
		long key = d.line > 0 ? (long)d.line * 100000 + d.column : 0x7fffffffL;
		size_t j = i;
		while (j > 0) {
			const struct tw_diag *e = &v[j - 1];
			long ek = e->line > 0 ? (long)e->line * 100000 + e->column : 0x7fffffffL;
			if (ek <= key)
				break;
			v[j] = v[j - 1];
			j--;
		}
		v[j] = d;
	}
}

struct tw_guide *tw_content_parse(const char *name, const char *buf, size_t len,
				  struct tw_diags *diags)
{
	struct tw_diags scratch = { 0 };
	if (!diags)
		diags = &scratch;
	struct cctx cx = { .name = name ? name : "", .diags = diags };
	if (len > TW_CONTENT_MAX_BYTES) {
		content_problem(&cx, 0, 0,
				"the file is larger than 1 MiB (%zu bytes); content files are limited to 1 MiB",
				len);
		tw_diags_clear(&scratch);
		return NULL;
	}
	size_t base = diags->n;
	struct ctree tree = { 0 };
	struct tw_guide *g = NULL;
	if (content_tree_read(&tree, &cx, buf ? buf : "", buf ? len : 0) && !cx.nomem)
		g = content_guide_build(&tree, &cx);
	content_tree_free(&tree);
	if (g && !cx.nomem && cx.n_problems == 0) {
		g->path = strdup(cx.name);
		if (!g->path)
			cx.nomem = true;
	}
	if (g && (cx.n_problems > 0 || cx.nomem)) {
		tw_guide_free(g);
		g = NULL;
	}
	if (!g && cx.n_problems == 0)
		tw_diags_add(diags, cx.name, 0, 0, "out of memory while loading");
	if (diags->n > base)
		sort_diags(diags->v + base, diags->n - base);
	tw_diags_clear(&scratch);
	return g;
}

struct tw_guide *tw_content_load_file(const char *path, struct tw_diags *diags)
{
	/* A FIFO or a device named x.yaml must not hang the loader: anything
	 * but a regular file is refused before it is opened, and the open
	 * itself never blocks (O_NONBLOCK), in case the file was swapped for
	 * something else in between; fstat then judges what was opened. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		tw_diags_add(diags, path, 0, 0, "cannot read: %s",
			     S_ISDIR(st.st_mode) ? "it is a directory" : "not a regular file");
		return NULL;
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0 || fstat(fd, &st) != 0) {
		tw_diags_add(diags, path, 0, 0, "cannot read: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode) || !S_ISREG(st.st_mode)) {
		tw_diags_add(diags, path, 0, 0, "cannot read: %s",
			     S_ISDIR(st.st_mode) ? "it is a directory" : "not a regular file");
		close(fd);
		return NULL;
	}
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	if (st.st_size > TW_CONTENT_MAX_BYTES) {
		tw_diags_add(diags, path, 0, 0,
			     "the file is larger than 1 MiB (%lld bytes); content files are limited to 1 MiB",
			     (long long)st.st_size);
		close(fd);
		return NULL;
	}
	/* At most one byte past the limit, whatever size fstat said: the
	 * parser then reports the file as too big. */
	size_t n = 0;
	char *buf = tw_read_fd(fd, TW_CONTENT_MAX_BYTES, &n);
	if (!buf) {
		if (errno == ENOMEM)
			tw_diags_add(diags, path, 0, 0, "out of memory while loading");
		else
			tw_diags_add(diags, path, 0, 0, "cannot read: %s", strerror(errno));
		close(fd);
		return NULL;
	}
	close(fd);
	struct tw_guide *g = tw_content_parse(path, buf, n, diags);
	free(buf);
	return g;
}
