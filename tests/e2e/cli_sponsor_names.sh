#!/usr/bin/env bash
# Sponsors by name through the CLI: names match case-insensitively (also
# beyond ASCII), a name two sponsors share is refused with their ids (the id
# still works), and a second meeting with the same sponsor at the same time
# is refused unless --anyway.
. "$(dirname "$0")/lib.sh"

ok profile add Alice
ok sponsor add "Dana Reyes"
ok sponsor add "Élodie Brun"
ok meeting add --sponsor "dana reyes" --when "2030-01-10 10:00"
expect_out_has "added meeting 1 with Dana Reyes on Thu 2030-01-10 10:00" "lower case finds her"
ok meeting add --sponsor "ÉLODIE BRUN" --when "2030-01-10 10:00"
expect_out_has "added meeting 2 with Élodie Brun" "upper case beyond ASCII"

# the same sponsor at the same time: asked (refused) unless --anyway
unchanged 1 "twoway: Dana Reyes already has meeting 1 on Thu 2030-01-10 10:00; add --anyway to book both" \
	meeting add --sponsor "Dana Reyes" --when "2030-01-10 10:00"
ok meeting add --sponsor "Dana Reyes" --when "2030-01-10 10:00" --anyway
expect_out_has "added meeting 3 with Dana Reyes" "--anyway books both"
ok meeting add --sponsor "Dana Reyes" --when "2030-01-10 11:00"

# a shared name is ambiguous: refused with the ids; the id works
ok sponsor add "DANA REYES"
unchanged 1 "twoway: 'dana reyes' names 2 sponsors: 1 Dana Reyes, 3 DANA REYES; use the id" \
	meeting add --sponsor "dana reyes" --when "2030-02-01 10:00"
ok meeting add --sponsor 3 --when "2030-02-01 10:00"
expect_out_has "with DANA REYES" "by id"
unchanged 1 "twoway: 'Dana' names 2 sponsors: 1 Dana Reyes, 3 DANA REYES; use the id" \
	meeting add --sponsor Dana --when "2030-02-01 10:00"
unchanged 1 "twoway: unknown sponsor 'Dan' (see 'twoway sponsor list')" \
	meeting add --sponsor Dan --when "2030-02-01 10:00"
# every command that names a sponsor resolves the same way
unchanged 1 "twoway: 'dana' names 2 sponsors: 1 Dana Reyes, 3 DANA REYES; use the id" sponsor show dana
unchanged 1 "twoway: 'dana' names 2 sponsors: 1 Dana Reyes, 3 DANA REYES; use the id" delete sponsor dana
ok sponsor show élodie
expect_out_has "Élodie Brun" "a leading word, lower case beyond ASCII"

# search covers sponsors: name, title, organisation, how met, homework
ok sponsor edit élodie --title "Head of Data" --org Initech --met "the offsite" \
	--homework "writes on quorum reads"
for w in brun data initech offsite quorum; do
	ok search "$w"
	expect_out_has "sponsor       2  Élodie Brun" "search '$w' finds the sponsor"
done
ok search quorum --json
expect_out_has '"kind": "sponsor"' "JSON names the kind"
ok delete sponsor élodie
run search initech
expect_rc 1 "a deleted sponsor is not found"
finish
