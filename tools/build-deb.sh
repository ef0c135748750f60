#!/bin/sh
# Builds the Debian package (`make deb`): copies the tree (the files git
# knows, or everything but build directories without git) to a scratch
# directory, runs `dpkg-buildpackage -us -uc -b` there and lintian on the
# result, and puts the .deb in OUT (default dist/). The tree itself is
# never written to, so a second run starts from the same state.
set -eu
cd "$(dirname "$0")/.."
out=${1:-dist}
mkdir -p "$out"
out=$(cd "$out" && pwd)
version=$(dpkg-parsechangelog -S Version)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/twoway-deb.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
src="$scratch/twoway-$version"
mkdir -p "$src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files -co --exclude-standard -z | xargs -0 sh -c \
		'for f; do [ -e "$f" ] && printf "%s\n" "$f"; done' sh | tar -cf - -T - | tar -xf - -C "$src"
else
	tar -cf - --exclude='./build*' --exclude=./dist --exclude=./.git . | tar -xf - -C "$src"
fi
(cd "$src" && dpkg-buildpackage -us -uc -b) >"$scratch/build.log" 2>&1 || {
	tail -40 "$scratch/build.log" >&2
	echo "make deb: dpkg-buildpackage failed" >&2
	exit 1
}
deb=$(ls "$scratch"/twoway_"$version"_*.deb)
cp "$deb" "$scratch"/twoway_"$version"_*.buildinfo "$scratch"/twoway_"$version"_*.changes "$out"/
echo "built $out/$(basename "$deb")"
# lintian: errors fail the build; warnings and notes are shown.
if command -v lintian >/dev/null 2>&1; then
	lintian --fail-on error --info "$out/$(basename "$deb")"
else
	echo "make deb: lintian is not installed; the package was not checked" >&2
fi
