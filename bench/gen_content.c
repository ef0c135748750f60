/* Writes the content benchmark's data set: GUIDES guide files of SECTIONS
 * sections of ITEMS items each (10 x 10 x 10 = 1,000 items by default),
 * with text, detail and coach prompts of realistic length, into DIR.
 * Usage: gen_content DIR [GUIDES SECTIONS ITEMS] */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const kinds[] = { "check", "reflect", "rate" };
static const char *const slots[] = { "homework", "challenge", "questions", "ask", "notes" };

int main(int argc, char **argv)
{
	if (argc != 2 && argc != 5) {
		fprintf(stderr, "usage: gen_content DIR [GUIDES SECTIONS ITEMS]\n");
		return 2;
	}
	int ng = argc == 5 ? atoi(argv[2]) : 10, ns = argc == 5 ? atoi(argv[3]) : 10,
	    ni = argc == 5 ? atoi(argv[4]) : 10;
	if (mkdir(argv[1], 0700) != 0 && errno != EEXIST) {
		perror(argv[1]);
		return 1;
	}
	for (int g = 0; g < ng; g++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/guide-%02d.yaml", argv[1], g);
		FILE *f = fopen(path, "w");
		if (!f) {
			perror(path);
			return 1;
		}
		fprintf(f, "schema: 1\nid: guide-%d\ntitle: Benchmark guide %d\n"
			   "summary: >\n  A generated guide for the content benchmark, with enough\n"
			   "  words in it to look like the real thing.\n"
			   "source: \"Generated, after an article by Someone and Someone Else (2024)\"\n"
			   "locale: en\nsections:\n",
			g, g);
		for (int s = 0; s < ns; s++) {
			fprintf(f, "  - id: section-%d\n    title: Section %d of guide %d\n"
				   "    intro: |\n      Why this part matters, in two short\n"
				   "      sentences. Then the items follow.\n"
				   "    basis: %s\n    items:\n",
				s, s, g, s % 2 ? "adapted" : "article");
			for (int i = 0; i < ni; i++) {
				int k = (g + s + i) % 3;
				fprintf(f, "      - id: item-%d\n        kind: %s\n"
					   "        text: Item %d asks something specific about how you "
					   "work with your sponsor, \xe2\x80\x9cin your own words\xe2\x80\x9d.\n"
					   "        detail: >\n"
					   "          A paragraph of explanation that a reader sees under the\n"
					   "          item: what the article says, and why it is worth doing\n"
					   "          before the next meeting rather than after it.\n"
					   "        coach: What would you do differently next time, and why?\n",
					i, kinds[k], i);
				if (k == 2)
					fprintf(f, "        low: Not yet\n        high: Every time\n");
				else if (k == 1)
					fprintf(f, "        slot: %s\n", slots[i % 5]);
			}
		}
		if (fclose(f) != 0) {
			perror(path);
			return 1;
		}
	}
	printf("wrote %d guides, %d items, to %s\n", ng, ng * ns * ni, argv[1]);
	return 0;
}
