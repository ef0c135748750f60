/* The store benchmark's data generator: fills a database with 100,000
 * reflections across 20 profiles, 10,000 meetings and 5,000 action items of
 * varied text from a word list, through the public store API in batches;
 * gen_db DB N makes N reflections with the meetings and items in the same
 * proportion (N = 1,000 and 10,000 for the 1x and 10x runs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "twoway/store.h"

#define PROFILES 20
#define SPONSORS 5
static int n_reflections = 100000, n_meetings = 10000, n_actions = 5000;

static const char *const common[] = {
	"the", "and", "my", "to", "a", "of", "in", "I", "we", "that", "it", "for",
};
static const char *const words[] = {
	"mentor", "team", "project", "promotion", "visibility", "feedback",
	"meeting", "goal", "career", "leadership", "stretch", "assignment", "network",
	"influence", "strategy", "roadmap", "manager", "director", "review", "impact",
	"launch", "customer", "growth", "confidence", "advocate", "opportunity", "risk",
	"budget", "hiring", "onboarding", "architecture", "migration", "platform",
	"presentation", "conference", "offsite", "quarter", "priorities", "trust",
	"credibility", "ownership", "delegation", "coaching", "negotiation", "salary",
	"recognition", "reputation", "initiative", "deadline", "stakeholder", "alignment",
	"executive", "board", "introduction", "referral", "portfolio", "experiment",
	"learning", "reflection", "challenge", "decision", "conversation", "question",
	"answer", "story", "example", "progress", "result", "metric", "outcome",
	"quality", "process", "design", "research", "analysis", "proposal", "pitch",
	"compilers", "databases", "security", "reliability", "latency", "incident",
};

static unsigned long long rng = 88172645463325252ULL;
static unsigned next(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* A sentence-ish text of min..max words. "sponsor", the word the benchmark
 * searches, lands in about a quarter of the reflections; each other word of
 * the list in about 40 %, and "the", "and" ... in nearly all. */
static void text(char *buf, size_t len, int min, int max)
{
	int n = min + (int)next((unsigned)(max - min + 1));
	size_t o = 0;
	buf[0] = '\0';
	for (int i = 0; i < n && o + 20 < len; i++) {
		const char *w = next(2) ? common[next(sizeof common / sizeof common[0])]
					: words[next(sizeof words / sizeof words[0])];
		if (next(300) == 0)
			w = "sponsor";
		o += (size_t)snprintf(buf + o, len - o, "%s%s", i ? " " : "", w);
	}
	if (o == 0)
		snprintf(buf, len, "note");
}

static int fail(const char *what, const struct tw_error *err)
{
	fprintf(stderr, "gen_db: %s: %s\n", what, err->message);
	return 1;
}

int main(int argc, char **argv)
{
	char *end = NULL;
	long want = n_reflections;
	if (argc == 3)
		want = strtol(argv[2], &end, 10);
	if ((argc != 2 && argc != 3) || (end && (*end || want < 200 || want > 10000000))) {
		fprintf(stderr, "usage: gen_db DB [REFLECTIONS, 200 to 10000000]\n");
		return 2;
	}
	n_reflections = (int)want;
	n_meetings = n_reflections / 10 / PROFILES * PROFILES;
	n_actions = n_reflections / 20;
	int64_t *meet_v = malloc(sizeof(int64_t) * (size_t)n_meetings);
	if (!meet_v)
		return 1;
#define meet(p, k) meet_v[(k) * PROFILES + (p)]
	struct tw_error err;
	struct tw_store *st = tw_store_open(argv[1], &err);
	if (!st)
		return fail("open", &err);
	clock_t t0 = clock();
	int64_t prof[PROFILES], spons[PROFILES][SPONSORS];
	char buf[1200], name[64];
	if (!tw_store_batch_begin(st, &err))
		return fail("batch", &err);
	for (int p = 0; p < PROFILES; p++) {
		snprintf(name, sizeof name, "person %02d", p);
		text(buf, sizeof buf, 3, 8);
		if (!tw_store_profile_add(st, name, "engineer", buf, &prof[p], &err))
			return fail("profile", &err);
		for (int s = 0; s < SPONSORS; s++) {
			char sname[64];
			snprintf(sname, sizeof sname, "Sponsor %c%d", 'A' + s, p);
			struct tw_sponsor sp = { .profile_id = prof[p], .name = sname,
						 .stage = (enum tw_stage)(1 + s % 5) };
			if (!tw_store_sponsor_add(st, &sp, &err))
				return fail("sponsor", &err);
			spons[p][s] = sp.id;
		}
	}
	tw_time base = (tw_time)time(NULL) - 86400 * 365 * 2;
	for (int i = 0; i < n_meetings; i++) {
		int p = i % PROFILES;
		char agenda[400], notes[800];
		text(agenda, sizeof agenda, 5, 30);
		text(notes, sizeof notes, 10, 80);
		struct tw_meeting m = { .profile_id = prof[p], .sponsor_id = spons[p][next(SPONSORS)],
					.when = base + (tw_time)i * 6000, .agenda = agenda,
					.notes = notes, .outcome = "", .held = i < n_meetings * 9 / 10 };
		if (!tw_store_meeting_add(st, &m, &err))
			return fail("meeting", &err);
		meet(p, i / PROFILES) = m.id;
	}
	for (int i = 0; i < n_actions; i++) {
		int p = i % PROFILES;
		struct tw_action a = { .profile_id = prof[p], .owner = (enum tw_owner)next(2),
				       .meeting_id = next(2) ? meet(p, next((unsigned)(n_meetings / PROFILES))) : 0 };
		char at[200];
		text(at, sizeof at, 3, 12);
		a.text = at;
		if (next(3))
			snprintf(a.due, sizeof a.due, "20%02u-%02u-%02u", 24 + next(3), 1 + next(12),
				 1 + next(28));
		if (next(3) == 0)
			snprintf(a.done, sizeof a.done, "2024-06-%02u", 1 + next(28));
		if (!tw_store_action_add(st, &a, &err))
			return fail("action", &err);
	}
	for (int i = 0; i < n_reflections; i++) {
		int p = i % PROFILES;
		char item[64];
		const char *it = NULL;
		/* 8% tied to items, the rest free-standing */
		if (i / PROFILES < n_reflections / PROFILES * 2 / 25) {
			snprintf(item, sizeof item, "guide%d/section%d/item%d", i / PROFILES % 8,
				 i / PROFILES / 8 % 10, i / PROFILES / 80);
			it = item;
		}
		text(buf, sizeof buf, 20, 150);
		if (!tw_store_reflection_save(st, prof[p], it, buf, next(10) == 0, NULL, &err))
			return fail("reflection", &err);
		if ((i + 1) % 20000 == 0) {
			if (!tw_store_batch_commit(st, &err) || !tw_store_batch_begin(st, &err))
				return fail("batch", &err);
		}
	}
	if (!tw_store_batch_commit(st, &err))
		return fail("commit", &err);
	tw_store_close(st);
	free(meet_v);
	printf("gen_db: %d profiles, %d reflections, %d meetings, %d action items in %.1f s CPU\n",
	       PROFILES, n_reflections, n_meetings, n_actions, (double)(clock() - t0) / CLOCKS_PER_SEC);
	return 0;
}
