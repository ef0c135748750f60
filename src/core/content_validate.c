/* The content schema: turns the tree of one file into a tw_guide and reports
 * every key, type, id, kind, slot and text problem at the node it concerns.
 * Also the names of kinds and slots, and freeing a guide. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_tree.h"
#include "twoway/util.h"

#define MAX_ID 48

static const char *const kind_names[] = { "check", "reflect", "rate" };
static const char *const slot_names[TW_SLOT_COUNT] = {
	"", "homework", "challenge", "questions", "next-step", "feedback",
	"ask", "notes", "outcome", "follow-up", "report-back",
};

const char *tw_item_kind_name(enum tw_item_kind kind)
{
	return (unsigned)kind < 3 ? kind_names[kind] : "unknown";
}

const char *tw_slot_name(enum tw_slot slot)
{
	return slot > TW_SLOT_NONE && slot < TW_SLOT_COUNT ? slot_names[slot] : "none";
}

size_t content_distance(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen > 256)
		alen = 256;
	if (blen > 256)
		blen = 256;
	size_t row[257];
	for (size_t j = 0; j <= blen; j++)
		row[j] = j;
	for (size_t i = 1; i <= alen; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= blen; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[blen];
}

static const char *show(const struct cnode *n, char *buf, size_t size)
{
	return content_show(n->value, n->len, buf, size);
}

static bool is_null(const struct cnode *n)
{
	return n->len == 0 || (n->plain && (strcmp(n->value, "~") == 0 ||
					   strcmp(n->value, "null") == 0 ||
					   strcmp(n->value, "Null") == 0 ||
					   strcmp(n->value, "NULL") == 0));
}

/* The keys one kind of map may hold; vals/keys get each key's first value. */
struct mapread {
	const char *const *names;
	size_t n;
	struct cnode *vals[8];
	struct cnode *keys[8];
};

static void collect(struct mapread *mr, const struct cnode *map)
{
	for (size_t i = 0; i + 1 < map->n_kids; i += 2) {
		struct cnode *k = map->kids[i];
		if (k->skip || k->type != CNODE_SCALAR)
			continue;
		for (size_t j = 0; j < mr->n; j++)
			if (strlen(mr->names[j]) == k->len && strcmp(mr->names[j], k->value) == 0) {
				mr->vals[j] = map->kids[i + 1];
				mr->keys[j] = k;
			}
	}
}

static void report_unknown(struct cctx *cx, const struct mapread *mr, const struct cnode *map,
			   const char *owner)
{
	for (size_t i = 0; i + 1 < map->n_kids; i += 2) {
		const struct cnode *k = map->kids[i];
		if (k->skip || k->type != CNODE_SCALAR)
			continue;
		bool known = false;
		for (size_t j = 0; j < mr->n && !known; j++)
			known = strlen(mr->names[j]) == k->len && strcmp(mr->names[j], k->value) == 0;
		if (known)
			continue;
		size_t best = (size_t)-1, bi = 0;
		for (size_t j = 0; j < mr->n; j++) {
			size_t d = content_distance(k->value, k->len, mr->names[j], strlen(mr->names[j]));
			if (d < best)
				best = d, bi = j;
		}
		char buf[200];
		if (best <= 2 && best < k->len) {
			content_problem(cx, k->line, k->column, "unknown key '%s' in %s (did you mean '%s'?)",
					show(k, buf, sizeof(buf)), owner, mr->names[bi]);
		} else {
			char list[160] = "";
			size_t o = 0;
			for (size_t j = 0; j < mr->n; j++)
				o += (size_t)snprintf(list + o, sizeof(list) - o, "%s%s",
						      j == 0 ? "" : j + 1 == mr->n ? " or " : ", ",
						      mr->names[j]);
			content_problem(cx, k->line, k->column, "unknown key '%s' in %s (expected %s)",
					show(k, buf, sizeof(buf)), owner, list);
		}
	}
}

static void require(struct cctx *cx, const struct mapread *mr, const struct cnode *map,
		    const char *owner, size_t n_required)
{
	for (size_t j = 0; j < n_required; j++)
		if (!mr->vals[j])
			content_problem(cx, map->line, map->column, "%s is missing required key '%s'",
					owner, mr->names[j]);
}

static bool want(struct cctx *cx, const struct cnode *v, enum cnode_type type, const char *key,
		 const char *owner)
{
	if (v->skip)
		return false; /* an alias, already reported */
	if (v->type == type)
		return true;
	content_problem(cx, v->line, v->column, "'%s' of %s must be %s, not %s", key, owner,
			type == CNODE_MAP ? "a map" : type == CNODE_SEQ ? "a list" : "text",
			v->type == CNODE_MAP ? "a map" : v->type == CNODE_SEQ ? "a list" : "text");
	return false;
}

/* Takes a text value out of the tree (NULL and a problem when unfit). */
static char *take_text(struct cctx *cx, struct cnode *v, const char *key, const char *owner)
{
	if (!v || !want(cx, v, CNODE_SCALAR, key, owner))
		return NULL;
	if (is_null(v) || !tw_text_nonblank(v->value)) {
		content_problem(cx, v->line, v->column, "%s has empty %s", owner, key);
		return NULL;
	}
	unsigned cp;
	if (content_bad_char(v->value, v->len, &cp)) {
		content_problem(cx, v->line, v->column,
				"'%s' of %s holds control character U+%04X; content text may not hold "
				"control characters or escape sequences",
				key, owner, cp);
		return NULL;
	}
	char *s = v->value;
	v->value = NULL;
	v->len = 0;
	return s;
}

/* Checks an id value; returns it (still owned by the tree) or NULL. */
static const char *check_id(struct cctx *cx, struct cnode *v, const char *what, const char *owner)
{
	if (!v || !want(cx, v, CNODE_SCALAR, "id", owner))
		return NULL;
	char buf[200];
	if (is_null(v)) {
		content_problem(cx, v->line, v->column, "%s has empty id", owner);
		return NULL;
	}
	bool ok = v->len <= MAX_ID && strlen(v->value) == v->len;
	for (size_t i = 0; ok && i < v->len; i++) {
		char c = v->value[i];
		if (c == '-')
			ok = i > 0 && i + 1 < v->len && v->value[i - 1] != '-';
		else
			ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}
	if (ok)
		return v->value;
	if (v->len > MAX_ID && strlen(v->value) == v->len)
		content_problem(cx, v->line, v->column, "%s id '%s' is longer than %d characters",
				what, show(v, buf, sizeof(buf)), MAX_ID);
	else
		content_problem(cx, v->line, v->column,
				"%s id '%s' is not a valid id (use lowercase letters, digits and single "
				"hyphens, like 'first-meeting')",
				what, show(v, buf, sizeof(buf)));
	return NULL;
}

/* Names a guide, section or item by its id as written, even a malformed
 * one, so that later messages say which it is; leaves owner alone when
 * there is no usable id. */
static void name_by_id(char *owner, size_t size, const char *what, const struct cnode *id)
{
	char buf[200];
	if (id && !id->skip && id->type == CNODE_SCALAR && !is_null(id))
		snprintf(owner, size, "%s '%s'", what, show(id, buf, sizeof(buf)));
}

static bool entry_is_map(struct cctx *cx, const struct cnode *v, const char *owner)
{
	if (v->skip)
		return false;
	if (v->type == CNODE_MAP)
		return true;
	content_problem(cx, v->line, v->column, "%s must be a map, not %s", owner,
			v->type == CNODE_SEQ ? "a list" : "text");
	return false;
}

/* One of names[0..n) or -1 (with a problem naming the choices). */
static int choose(struct cctx *cx, struct cnode *v, const char *key, const char *owner,
		  const char *const *names, size_t n, const char *choices)
{
	if (!want(cx, v, CNODE_SCALAR, key, owner))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strlen(names[i]) == v->len && strcmp(names[i], v->value) == 0)
			return (int)i;
	char buf[200];
	content_problem(cx, v->line, v->column, "%s has unknown %s '%s' (expected %s)", owner, key,
			show(v, buf, sizeof(buf)), choices);
	return -1;
}

/* Reports an id already used by an earlier sibling. */
static void check_unique(struct cctx *cx, struct cnode **ids, size_t i, const char *what,
			 const char *parent)
{
	if (!ids[i])
		return;
	for (size_t j = 0; j < i; j++)
		if (ids[j] && strcmp(ids[j]->value, ids[i]->value) == 0) {
			content_problem(cx, ids[i]->line, ids[i]->column,
					"%s id '%s' is used twice in %s (first at line %d)", what,
					ids[i]->value, parent, ids[j]->line);
			return;
		}
}

enum { I_ID, I_KIND, I_TEXT, I_DETAIL, I_COACH, I_LOW, I_HIGH, I_SLOT };
static const char *const item_keys[] = { "id", "kind", "text", "detail", "coach",
					 "low", "high", "slot" };

static void build_item(struct cctx *cx, struct cnode *map, size_t index, const char *section,
		       struct tw_item *it, struct cnode **id_node)
{
	char owner[200];
	snprintf(owner, sizeof(owner), "item %zu of %.150s", index + 1, section);
	if (!entry_is_map(cx, map, owner))
		return;
	struct mapread mr = { .names = item_keys, .n = 8 };
	collect(&mr, map);
	const char *id = check_id(cx, mr.vals[I_ID], "item", owner);
	name_by_id(owner, sizeof(owner), "item", mr.vals[I_ID]);
	if (id) {
		*id_node = mr.vals[I_ID];
		it->id = strdup(id);
		if (!it->id)
			cx->nomem = true;
	}
	it->line = map->line;
	report_unknown(cx, &mr, map, owner);
	require(cx, &mr, map, owner, 3);
	int kind = -1;
	if (mr.vals[I_KIND])
		kind = choose(cx, mr.vals[I_KIND], "kind", owner, kind_names, 3,
			      "check, reflect or rate");
	it->kind = kind < 0 ? TW_ITEM_CHECK : (enum tw_item_kind)kind;
	it->text = take_text(cx, mr.vals[I_TEXT], "text", owner);
	it->detail = take_text(cx, mr.vals[I_DETAIL], "detail", owner);
	it->coach = take_text(cx, mr.vals[I_COACH], "coach", owner);
	for (int k = I_LOW; k <= I_HIGH; k++) {
		if (kind == TW_ITEM_RATE && !mr.vals[k])
			content_problem(cx, map->line, map->column,
					"rate %s is missing '%s' (the label for %d)", owner,
					item_keys[k], k == I_LOW ? 1 : 5);
		else if (kind >= 0 && kind != TW_ITEM_RATE && mr.vals[k])
			content_problem(cx, mr.keys[k]->line, mr.keys[k]->column,
					"'%s' is only for rate items, and %s is a %s item",
					item_keys[k], owner, kind_names[kind]);
		else if (kind == TW_ITEM_RATE)
			*(k == I_LOW ? &it->low : &it->high) =
				take_text(cx, mr.vals[k], item_keys[k], owner);
	}
	if (mr.vals[I_SLOT]) {
		if (kind >= 0 && kind != TW_ITEM_REFLECT) {
			content_problem(cx, mr.keys[I_SLOT]->line, mr.keys[I_SLOT]->column,
					"'slot' is only for reflect items, and %s is a %s item", owner,
					kind_names[kind]);
		} else {
			int s = choose(cx, mr.vals[I_SLOT], "slot", owner, slot_names + 1,
				       TW_SLOT_COUNT - 1,
				       "homework, challenge, questions, next-step, feedback, ask, "
				       "notes, outcome, follow-up or report-back");
			it->slot = s < 0 ? TW_SLOT_NONE : (enum tw_slot)(s + 1);
		}
	}
}

static const char *const section_keys[] = { "id", "title", "basis", "items", "intro" };

static void build_section(struct cctx *cx, struct cnode *map, size_t index, const char *guide,
			  struct tw_section *sec, struct cnode **id_node)
{
	char owner[200];
	snprintf(owner, sizeof(owner), "section %zu of %.150s", index + 1, guide);
	if (!entry_is_map(cx, map, owner))
		return;
	snprintf(owner, sizeof(owner), "section %zu", index + 1);
	/* Required keys first (id, title, basis, items), then intro. */
	struct mapread mr = { .names = section_keys, .n = 5 };
	collect(&mr, map);
	const char *id = check_id(cx, mr.vals[0], "section", owner);
	name_by_id(owner, sizeof(owner), "section", mr.vals[0]);
	if (id) {
		*id_node = mr.vals[0];
		sec->id = strdup(id);
		if (!sec->id)
			cx->nomem = true;
	}
	report_unknown(cx, &mr, map, owner);
	require(cx, &mr, map, owner, 4);
	sec->title = take_text(cx, mr.vals[1], "title", owner);
	sec->intro = take_text(cx, mr.vals[4], "intro", owner);
	static const char *const bases[] = { "article", "adapted" };
	if (mr.vals[2]) {
		int b = choose(cx, mr.vals[2], "basis", owner, bases, 2, "article or adapted");
		sec->basis = b < 0 ? TW_BASIS_ARTICLE : (enum tw_basis)b;
	}
	struct cnode *items = mr.vals[3];
	if (!items || !want(cx, items, CNODE_SEQ, "items", owner))
		return;
	if (items->n_kids == 0) {
		content_problem(cx, items->line, items->column, "%s has no items", owner);
		return;
	}
	sec->items = calloc(items->n_kids, sizeof(*sec->items));
	struct cnode **ids = calloc(items->n_kids, sizeof(*ids));
	if (!sec->items || !ids) {
		free(ids);
		cx->nomem = true;
		return;
	}
	sec->n_items = items->n_kids;
	for (size_t i = 0; i < items->n_kids; i++) {
		build_item(cx, items->kids[i], i, owner, &sec->items[i], &ids[i]);
		check_unique(cx, ids, i, "item", owner);
	}
	free(ids);
}

enum { G_SCHEMA, G_ID, G_TITLE, G_SUMMARY, G_SOURCE, G_LOCALE, G_SECTIONS };
static const char *const guide_keys[] = { "schema", "id", "title", "summary",
					  "source", "locale", "sections" };

static void check_schema(struct cctx *cx, const struct cnode *v)
{
	if (!want(cx, v, CNODE_SCALAR, "schema", "the guide"))
		return;
	long n = 0;
	bool num = v->len > 0 && v->len < 10;
	for (size_t i = 0; num && i < v->len; i++) {
		num = v->value[i] >= '0' && v->value[i] <= '9';
		n = n * 10 + (v->value[i] - '0');
	}
	char buf[200];
	if (!num)
		content_problem(cx, v->line, v->column, "schema must be a whole number, not '%s'",
				show(v, buf, sizeof(buf)));
	else if (n != TW_CONTENT_SCHEMA)
		content_problem(cx, v->line, v->column,
				"schema %ld is not supported (this twoway reads schema %d)", n,
				TW_CONTENT_SCHEMA);
}

static bool locale_ok(const char *s)
{
	size_t n = 0;
	while (s[n] >= 'a' && s[n] <= 'z')
		n++;
	if (n < 2 || n > 3)
		return false;
	for (s += n; *s == '-';) {
		s++;
		size_t k = 0;
		while ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
		       (s[k] >= '0' && s[k] <= '9'))
			k++;
		if (k < 2 || k > 8)
			return false;
		s += k;
	}
	return *s == '\0';
}

struct tw_guide *content_guide_build(struct ctree *tree, struct cctx *cx)
{
	struct cnode *root = tree->root;
	if (!root)
		return NULL;
	if (root->type != CNODE_MAP) {
		content_problem(cx, root->line, root->column,
				"the top level must be a map of guide keys (schema, id, title, ...), not %s",
				root->type == CNODE_SEQ ? "a list" : "text");
		return NULL;
	}
	struct tw_guide *g = calloc(1, sizeof(*g));
	if (!g) {
		cx->nomem = true;
		return NULL;
	}
	struct mapread mr = { .names = guide_keys, .n = 7 };
	collect(&mr, root);
	char owner[200] = "the guide";
	const char *id = check_id(cx, mr.vals[G_ID], "guide", owner);
	name_by_id(owner, sizeof(owner), "guide", mr.vals[G_ID]);
	if (id) {
		g->id = strdup(id);
	}
	report_unknown(cx, &mr, root, owner);
	require(cx, &mr, root, owner, 7);
	if (mr.vals[G_SCHEMA])
		check_schema(cx, mr.vals[G_SCHEMA]);
	g->title = take_text(cx, mr.vals[G_TITLE], "title", owner);
	g->summary = take_text(cx, mr.vals[G_SUMMARY], "summary", owner);
	g->source = take_text(cx, mr.vals[G_SOURCE], "source", owner);
	g->locale = take_text(cx, mr.vals[G_LOCALE], "locale", owner);
	if (g->locale && !locale_ok(g->locale)) {
		char buf[200];
		content_problem(cx, mr.vals[G_LOCALE]->line, mr.vals[G_LOCALE]->column,
				"locale '%s' is not a language tag like 'en' or 'en-GB'",
				content_show(g->locale, strlen(g->locale), buf, sizeof(buf)));
	}
	struct cnode *secs = mr.vals[G_SECTIONS];
	if (!secs || !want(cx, secs, CNODE_SEQ, "sections", owner))
		return g;
	if (secs->n_kids == 0) {
		content_problem(cx, secs->line, secs->column, "%s has no sections", owner);
		return g;
	}
	g->sections = calloc(secs->n_kids, sizeof(*g->sections));
	struct cnode **ids = calloc(secs->n_kids, sizeof(*ids));
	if (!g->sections || !ids) {
		free(ids);
		cx->nomem = true;
		return g;
	}
	g->n_sections = secs->n_kids;
	for (size_t i = 0; i < secs->n_kids; i++) {
		build_section(cx, secs->kids[i], i, owner, &g->sections[i], &ids[i]);
		check_unique(cx, ids, i, "section", owner);
	}
	free(ids);
	if (cx->n_problems > 0 || cx->nomem)
		return g;
	for (size_t i = 0; i < g->n_sections; i++) {
		struct tw_section *s = &g->sections[i];
		for (size_t j = 0; j < s->n_items; j++) {
			s->items[j].full_id =
				tw_strdup_printf("%s/%s/%s", g->id, s->id, s->items[j].id);
			if (!s->items[j].full_id)
				cx->nomem = true;
		}
	}
	if (!g->id)
		cx->nomem = true;
	return g;
}

void tw_guide_free(struct tw_guide *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n_sections; i++) {
		struct tw_section *s = &g->sections[i];
		for (size_t j = 0; j < s->n_items; j++) {
			struct tw_item *it = &s->items[j];
			free(it->id);
			free(it->full_id);
			free(it->text);
			free(it->detail);
			free(it->coach);
			free(it->low);
			free(it->high);
		}
		free(s->items);
		free(s->id);
		free(s->title);
		free(s->intro);
	}
	free(g->sections);
	free(g->id);
	free(g->title);
	free(g->summary);
	free(g->source);
	free(g->locale);
	free(g->path);
	free(g);
}
