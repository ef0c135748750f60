/* The words each kind of record gives the search index (head, body), as
 * SQL over a row alias: shared by the migrations that build the index
 * (store_schema_later.c: 8 and 10; store_schema_search.c: 14). */
#ifndef TW_STORE_SCHEMA_WORDS_H
#define TW_STORE_SCHEMA_WORDS_H

#define REFL_WORDS(r) "coalesce(" r ".item_id, ''), " r ".text"
#define MEET_BODY(m) m ".agenda || char(10) || " m ".notes || char(10) || " m ".outcome"
#define ACT_WORDS(a) "'', " a ".text"
#define SPONSOR_WORDS(s) s ".name, " s ".title || char(10) || " s ".org || char(10) || " \
	s ".how_met || char(10) || " s ".homework"

#endif
