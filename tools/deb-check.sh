#!/bin/sh
# Installs a built twoway .deb with apt, runs the installed binary on a
# scratch home (guides, check, a record written and listed, the man pages),
# removes the package and checks no file of it is left. Needs root or sudo.
# Usage: tools/deb-check.sh dist/twoway_VERSION_ARCH.deb
set -u
deb=$1
case $deb in /*) ;; *) deb=$(pwd)/$deb ;; esac
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
fails=0
no() { echo "deb-check: FAIL: $*" >&2; fails=$((fails + 1)); }
if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$deb" >/dev/null; then
	echo "deb-check: FAIL: apt-get install $deb" >&2
	exit 1
fi
files=$(dpkg -L twoway)
home=$(mktemp -d "${TMPDIR:-/tmp}/twoway-deb-home.XXXXXX")
(
	export HOME="$home" XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state"
	unset TWOWAY_DB TWOWAY_CONTENT
	cd "$home" || exit 1
	/usr/bin/twoway guides --ids | grep -qx 'six-practices/proactive/set-the-meeting' ||
		{ echo "deb-check: FAIL: installed twoway guides" >&2; exit 1; }
	/usr/bin/twoway check 2>"$home/check.err" ||
		{ echo "deb-check: FAIL: installed twoway check: $(cat "$home/check.err")" >&2; exit 1; }
	/usr/bin/twoway profile add Deb >/dev/null &&
		/usr/bin/twoway profile list | grep -q Deb ||
		{ echo "deb-check: FAIL: a profile written and listed" >&2; exit 1; }
	for page in twoway twoway-content; do
		MANPAGER=cat man "$page" >/dev/null 2>&1 ||
			{ echo "deb-check: FAIL: man $page" >&2; exit 1; }
	done
) || fails=$((fails + 1))
rm -rf "$home"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq twoway >/dev/null || no "apt-get remove twoway"
dpkg-query -W -f='${Status}\n' twoway 2>/dev/null | grep -q 'ok installed' && no "twoway still installed"
for f in $files; do
	[ -f "$f" ] && no "left behind after removal: $f"
done
[ "$fails" -eq 0 ] && echo "deb-check: installed, ran and removed $(basename "$deb")"
[ "$fails" -eq 0 ]
