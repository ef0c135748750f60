#!/bin/sh
# Makes sure the Debian packages named on the command line are present.
# On Debian (dpkg and apt-get): installs the missing ones with apt-get, as
# root or through sudo, and does nothing when all are there. Elsewhere:
# checks what each package provides (a program or a pkg-config module) and
# names what is missing, since package names differ from system to system.
if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
	missing=""
	for p in "$@"; do
		case $p in
		libncurses-dev) pkg-config --exists ncursesw || pkg-config --exists curses ||
			missing="$missing curses-with-get_wch(ncursesw)" ;;
		libsqlite3-dev) pkg-config --exists sqlite3 || missing="$missing sqlite3(pkg-config)" ;;
		libyaml-dev) pkg-config --exists yaml-0.1 || missing="$missing libyaml(pkg-config yaml-0.1)" ;;
		libjansson-dev) pkg-config --exists jansson || missing="$missing jansson(pkg-config)" ;;
		libutf8proc-dev) pkg-config --exists libutf8proc || missing="$missing utf8proc(pkg-config libutf8proc)" ;;
		tzdata) [ -e /usr/share/zoneinfo/Europe/Berlin ] || missing="$missing tzdata(zoneinfo)" ;;
		libcmocka-dev) pkg-config --exists cmocka || missing="$missing cmocka(pkg-config)" ;;
		ninja-build) command -v ninja >/dev/null 2>&1 || missing="$missing ninja" ;;
		gcc) command -v cc >/dev/null 2>&1 || missing="$missing a-C-compiler(cc)" ;;
		man-db) command -v man >/dev/null 2>&1 || missing="$missing man" ;;
		binutils) command -v strings >/dev/null 2>&1 || missing="$missing strings(binutils)" ;;
		libclang-rt-*|bash-completion|python3-icalendar|debhelper|devscripts) ;;  # checked where used
		*) command -v "$p" >/dev/null 2>&1 || missing="$missing $p" ;;
		esac
	done
	[ -z "$missing" ] && exit 0
	echo "twoway: not a Debian system, so nothing is installed for you; missing:$missing" >&2
	exit 1
fi
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing missing packages:$missing"
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "twoway: these packages are missing and there is no sudo:$missing" >&2
	exit 1
fi
# shellcheck disable=SC2086
$SUDO apt-get update -qq &&
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
