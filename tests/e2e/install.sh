#!/usr/bin/env bash
# The installed layout: `meson install --destdir` into a scratch directory,
# then, with the source and build trees hidden (a tmpfs mounted over them in
# a private mount namespace), the installed binary lists its guides, checks
# them, its man pages read with `man -l`, and bash, zsh and fish complete
# `twoway tick <TAB>` from the installed completion files. The binary holds
# no absolute source or build path, and also finds its guides through the
# compiled-in prefix when it stands alone.
. "$(dirname "$0")/lib.sh"
: "${TW_BUILD:?TW_BUILD must name the meson build directory}"

check() {
	CHECKS=$((CHECKS + 1))
	"$@" || fail "${WHAT:-check}: $*"
}

DEST=$SCRATCH/dest
case "$SCRATCH/" in "$TW_SRC"/* | "$TW_BUILD"/*)
	fail "scratch $SCRATCH lies inside the tree this test hides"; finish ;;
esac
if ! meson install -C "$TW_BUILD" --no-rebuild --destdir "$DEST" >"$SCRATCH/install.log" 2>&1; then
	cat "$SCRATCH/install.log" >&2
	fail "meson install --destdir failed"
	finish
fi

# Everything in its standard place under the prefix.
BIN=$(find "$DEST" -path '*/bin/twoway' -type f)
PREFIX=${BIN#"$DEST"}
PREFIX=${PREFIX%/bin/twoway}
one() { # one WHAT PATTERN: exactly one installed file matches PATTERN
	local got
	got=$(find "$DEST" -path "$2" \( -type f -o -type l \))
	CHECKS=$((CHECKS + 1))
	if [ "$(printf '%s\n' "$got" | grep -c .)" -ne 1 ]; then
		fail "$1: expected one file like $2, found: $got"
	fi
	printf '%s\n' "$got" | head -1
}
CHECKS=$((CHECKS + 1))
[ -x "$BIN" ] || fail "no installed binary under $DEST (found '$BIN')"
MAN1=$(one "man page" "$DEST$PREFIX/share/man/man1/twoway.1*")
MAN5=$(one "content man page" "$DEST$PREFIX/share/man/man5/twoway-content.5*")
BASHC=$(one "bash completion" "$DEST*/bash-completion/completions/twoway")
ZSHC=$(one "zsh completion" "$DEST$PREFIX/share/zsh/*/_twoway")
FISHC=$(one "fish completion" "$DEST$PREFIX/share/fish/vendor_completions.d/twoway.fish")
GUIDE=$(one "bundled guide" "$DEST$PREFIX/share/twoway/content/1-six-practices.yaml")
[ "$FAILS" -eq 0 ] || finish

# No absolute source or build path in the binary (reproducible, relocatable).
CHECKS=$((CHECKS + 1))
if strings -a "$BIN" | grep -F -e "$TW_SRC" -e "$TW_BUILD" >"$SCRATCH/paths"; then
	fail "the installed binary names the source or build tree: $(head -3 "$SCRATCH/paths")"
fi
CHECKS=$((CHECKS + 1))
strings -a "$BIN" | grep -qxF "$PREFIX/share/twoway/content" ||
	fail "the binary does not name its installed content $PREFIX/share/twoway/content"

# A lone copy of the binary, next to nothing: it can only find the guides
# through the compiled-in prefix.
mkdir -p "$SCRATCH/lone" && cp "$BIN" "$SCRATCH/lone/twoway"

# The checks run in a script of their own, inside the namespace; each writes
# its output to OUT/NAME.{out,err,rc} for the assertions below.
OUTD=$SCRATCH/out
mkdir -p "$OUTD"
cat >"$SCRATCH/inner.sh" <<'INNER'
set -u
cap() { # cap NAME CMD...: runs CMD, keeps stdout, stderr and status
	local name=$1; shift
	"$@" >"$OUTD/$name.out" 2>"$OUTD/$name.err"
	echo $? >"$OUTD/$name.rc"
}
if [ "$HIDE" = 1 ]; then
	mount -t tmpfs none "$TW_SRC" || exit 3
	case "$TW_BUILD/" in "$TW_SRC"/*) ;; *) mount -t tmpfs none "$TW_BUILD" || exit 3 ;; esac
	[ -z "$(ls -A "$TW_SRC")" ] || exit 4
fi
export PATH="$(dirname "$BIN"):$PATH"
cap guides twoway guides
cap check twoway check
# The prefix the binary was built for now holds the DESTDIR copy: a lone
# copy of the binary finds the guides there.
if [ "$HIDE" = 1 ] && [ -d "$PREFIX" ] && mount --bind "$DEST$PREFIX" "$PREFIX"; then
	touch "$OUTD/prefix-bound"
	cap lone "$SCRATCH/lone/twoway" guides --ids
fi
cap man1 env MANWIDTH=80 MANPAGER=cat man -l "$MAN1"
cap man5 env MANWIDTH=80 MANPAGER=cat man -l "$MAN5"
cap bash bash -c '. "$1"; COMP_WORDS=(twoway tick ""); COMP_CWORD=2; COMPREPLY=(); _twoway; printf "%s\n" "${COMPREPLY[@]}"' bash "$BASHC"
cap fish fish --no-config -c 'set -p fish_complete_path (dirname $argv[1]); complete -C "twoway tick "' "$FISHC"
cap zsh zsh -f "$SCRATCH/zcomp.zsh" "$(dirname "$ZSHC")" "$OUTD/zsh.got"
INNER

# zsh completes in its own line editor: drive an interactive zsh in a
# pseudo-terminal (zpty), record what the completion adds, press TAB.
cat >"$SCRATCH/zcomp.zsh" <<'ZSH'
zmodload zsh/zpty || exit 2
zpty z zsh -f -i
zpty -w z "PS1=''; fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "compadd() { local -a got; builtin compadd -A got \"\$@\"; print -rl -- \$got >>${(q)2}; builtin compadd \"\$@\"; }"
zpty -w -n z $'twoway tick \t'
for i in {1..100}; do
	[[ -s $2 ]] && grep -q -- --undo $2 && break
	zpty -r -t z junk 2>/dev/null
	sleep 0.1
done
zpty -d z
cat $2
ZSH

HIDE=0
if unshare -rm true 2>/dev/null; then
	HIDE=1
else
	echo "install.sh: cannot make a mount namespace (unshare -rm); the source tree stays visible" >&2
fi
export OUTD DEST PREFIX BIN MAN1 MAN5 BASHC ZSHC FISHC HIDE SCRATCH TW_SRC TW_BUILD
if [ "$HIDE" = 1 ]; then
	unshare -rm bash "$SCRATCH/inner.sh"
else
	bash "$SCRATCH/inner.sh"
fi
rc=$?
CHECKS=$((CHECKS + 1))
[ "$rc" -eq 0 ] || fail "hiding the source tree failed (inner script exit $rc)"

# expect NAME RC TEXT WHAT: the captured command exited RC and its stdout
# holds TEXT.
expect() {
	CHECKS=$((CHECKS + 1))
	local got
	got=$(cat "$OUTD/$1.rc" 2>/dev/null)
	if [ "$got" != "$2" ]; then
		fail "$4: exit ${got:-none}, expected $2; stderr: $(cat "$OUTD/$1.err" 2>/dev/null)"
	elif [ -n "$3" ] && ! grep -qF -- "$3" "$OUTD/$1.out"; then
		fail "$4: stdout lacks '$3': $(head -5 "$OUTD/$1.out")"
	fi
}
expect guides 0 "six-practices/proactive/set-the-meeting" "installed twoway guides"
CHECKS=$((CHECKS + 1))
grep -q "no guides" "$OUTD/guides.out" "$OUTD/guides.err" && fail "installed twoway guides: no guides"
expect check 0 "" "installed twoway check"
CHECKS=$((CHECKS + 1))
grep -q "files ok" "$OUTD/check.err" || fail "installed twoway check: $(cat "$OUTD/check.err")"
CHECKS=$((CHECKS + 1))
grep -qF "$TW_SRC" "$OUTD/check.out" "$OUTD/check.err" && fail "installed twoway check names the source tree"
if [ -e "$OUTD/prefix-bound" ]; then
	expect lone 0 "six-practices/proactive/set-the-meeting" "a lone binary reads the compiled-in prefix"
fi
expect man1 0 "twoway - a terminal coaching companion" "man -l twoway.1"
expect man5 0 "twoway-content - the format of twoway guide files" "man -l twoway-content.5"
expect man5 0 "EVERY KEY" "man -l twoway-content.5"
for sh in bash fish zsh; do
	expect $sh 0 "six-practices/proactive/set-the-meeting" "$sh completes twoway tick <TAB>"
	expect $sh 0 "--undo" "$sh completes twoway tick <TAB>"
done
[ "$HIDE" = 1 ] && [ ! -e "$OUTD/prefix-bound" ] && echo "install.sh: prefix $PREFIX does not exist here; the lone-binary check did not run" >&2

finish
