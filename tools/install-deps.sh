#!/bin/sh
# Installs the Debian packages named on the command line that are not
# installed yet: with apt-get as root, or through sudo otherwise.
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
