/* A fast reader of the JSON an export is, building jansson's tree: strings
 * are scanned eight bytes at a time and copied once. It gives up (NULL)
 * on anything it does not read exactly as jansson would (a number with a
 * fraction or exponent or of many digits, \u0000, a repeated key, deep
 * nesting, any syntax error, invalid UTF-8), and the caller then lets
 * json_loadb decide: what is accepted, and the tree, stay jansson's. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_json_import.h"
#include "twoway/util.h"

#define MAX_DEPTH 2048 /* jansson's JSON_PARSER_MAX_DEPTH */

struct rd {
	const unsigned char *p, *end;
	int depth;
	char *scratch; /* decoded strings that held escapes */
	size_t cap;
};

static void ws(struct rd *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
		r->p++;
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Four hex digits at p (end checked by the caller); -1 when not. */
static long hex4(const unsigned char *p)
{
	long v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval(p[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

static size_t put_utf8(char *o, unsigned long cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Reads the string whose opening quote r->p is at: *s and *n get its
 * bytes (in the file, or in r->scratch when it held escapes). */
static bool string(struct rd *r, const char **s, size_t *n)
{
	const unsigned char *start = ++r->p, *p = start, *end = r->end;
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	bool escaped = false;
	for (;;) {
		while (end - p >= 8) {
			uint64_t w, q, k;
			memcpy(&w, p, 8);
			q = w ^ (ones * '"');
			k = w ^ (ones * '\\');
			if (((w | ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((k - ones) & ~k)) &
			     highs) != 0)
				break;
			p += 8;
		}
		if (p >= end)
			return false;
		unsigned char c = *p;
		if (c == '"')
			break;
		if (c < 0x20)
			return false;
		if (c == '\\') {
			escaped = true;
			if (end - p < 2)
				return false;
			p += p[1] == 'u' ? 6 : 2;
			if (p > end)
				return false;
			continue;
		}
		if (c >= 0x80) {
			unsigned cp;
			size_t len = tw_utf8_decode(p, (size_t)(end - p), &cp);
			if (!len)
				return false;
			p += len;
			continue;
		}
		p++;
	}
	r->p = p + 1;
	if (!escaped) {
		*s = (const char *)start;
		*n = (size_t)(p - start);
		return true;
	}
	/* decode: never longer than the text */
	size_t need = (size_t)(p - start) + 1;
	if (need > r->cap) {
		char *b = realloc(r->scratch, need);
		if (!b)
			return false;
		r->scratch = b;
		r->cap = need;
	}
	char *o = r->scratch;
	for (const unsigned char *i = start; i < p;) {
		if (*i != '\\') {
			*o++ = (char)*i++;
			continue;
		}
		unsigned char e = i[1];
		i += 2;
		switch (e) {
		case '"': case '\\': case '/': *o++ = (char)e; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u': {
			long cp = hex4(i);
			i += 4;
			if (cp <= 0 || (cp >= 0xdc00 && cp <= 0xdfff))
				return false; /* \u0000, or a lone low surrogate */
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (p - i < 6 || i[0] != '\\' || i[1] != 'u')
					return false;
				long lo = hex4(i + 2);
				if (lo < 0xdc00 || lo > 0xdfff)
					return false;
				i += 6;
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			}
			o += put_utf8(o, (unsigned long)cp);
			break;
		}
		default:
			return false;
		}
	}
	*s = r->scratch;
	*n = (size_t)(o - r->scratch);
	return true;
}

static json_t *value(struct rd *r);

static json_t *object(struct rd *r)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	r->p++;
	ws(r);
	if (r->p < r->end && *r->p == '}') {
		r->p++;
		return o;
	}
	for (;;) {
		const char *k;
		size_t kn;
		if (r->p >= r->end || *r->p != '"' || !string(r, &k, &kn) || memchr(k, 0, kn) ||
		    json_object_getn(o, k, kn))
			break;
		/* the key may sit in scratch, which the value's strings reuse */
		char kb[64], *key = kn < sizeof kb ? kb : malloc(kn + 1);
		if (!key)
			break;
		memcpy(key, k, kn);
		key[kn] = '\0';
		ws(r);
		json_t *v = NULL;
		if (r->p < r->end && *r->p == ':') {
			r->p++;
			ws(r);
			v = value(r);
		}
		bool ok = v && json_object_setn_new_nocheck(o, key, kn, v) == 0;
		if (key != kb)
			free(key);
		if (!ok)
			break;
		ws(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			ws(r);
			continue;
		}
		if (r->p < r->end && *r->p == '}') {
			r->p++;
			return o;
		}
		break;
	}
	json_decref(o);
	return NULL;
}

static json_t *array(struct rd *r)
{
	json_t *a = json_array();
	if (!a)
		return NULL;
	r->p++;
	ws(r);
	if (r->p < r->end && *r->p == ']') {
		r->p++;
		return a;
	}
	for (;;) {
		json_t *v = value(r);
		if (!v || json_array_append_new(a, v) != 0)
			break;
		ws(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			ws(r);
			continue;
		}
		if (r->p < r->end && *r->p == ']') {
			r->p++;
			return a;
		}
		break;
	}
	json_decref(a);
	return NULL;
}

/* An integer of at most 18 digits (no fraction, no exponent). */
static json_t *number(struct rd *r)
{
	const unsigned char *p = r->p;
	bool neg = *p == '-';
	if (neg)
		p++;
	const unsigned char *d = p;
	json_int_t v = 0;
	/* at most 18 digits are read (no overflow); a 19th is refused below */
	while (p < r->end && *p >= '0' && *p <= '9' && p - d < 18)
		v = v * 10 + (*p++ - '0');
	size_t nd = (size_t)(p - d);
	if (nd == 0 || (nd > 1 && *d == '0'))
		return NULL;
	if (p < r->end && (*p == '.' || *p == 'e' || *p == 'E' || (*p >= '0' && *p <= '9')))
		return NULL;
	r->p = p;
	return json_integer(neg ? -v : v);
}

static bool word(struct rd *r, const char *w, size_t n)
{
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, w, n))
		return false;
	r->p += n;
	return true;
}

static json_t *value(struct rd *r)
{
	if (r->p >= r->end)
		return NULL;
	switch (*r->p) {
	case '{':
	case '[': {
		if (++r->depth > MAX_DEPTH)
			return NULL;
		json_t *v = *r->p == '{' ? object(r) : array(r);
		r->depth--;
		return v;
	}
	case '"': {
		const char *s;
		size_t n;
		if (!string(r, &s, &n))
			return NULL;
		return json_stringn_nocheck(s, n);
	}
	case 't':
		return word(r, "true", 4) ? json_true() : NULL;
	case 'f':
		return word(r, "false", 5) ? json_false() : NULL;
	case 'n':
		return word(r, "null", 4) ? json_null() : NULL;
	default:
		return *r->p == '-' || (*r->p >= '0' && *r->p <= '9') ? number(r) : NULL;
	}
}

json_t *import_parse(const char *buf, size_t len)
{
	struct rd r = { .p = (const unsigned char *)buf, .end = (const unsigned char *)buf + len };
	ws(&r);
	json_t *root = NULL;
	if (r.p < r.end && (*r.p == '{' || *r.p == '['))
		root = value(&r);
	if (root) {
		ws(&r);
		if (r.p != r.end) {
			json_decref(root);
			root = NULL;
		}
	}
	free(r.scratch);
	return root;
}
