#!/bin/sh
# Installs what abri's end-to-end tests (generator/e2e) need, as root on
# Debian: Chromium when none is on the PATH, and the checkers pinned in
# package-lock.json (axe-core, vnu-jar) into testdata/node_modules. Running it
# again changes nothing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

has() { command -v "$1" >/dev/null 2>&1; }

if ! has chromium && ! has chromium-browser && ! has google-chrome; then
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
if ! has java; then # the Nu HTML Checker runs on it
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless
fi
if ! has npm; then
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y npm
fi

# --ignore-scripts: vnu-jar's install script would download a Java runtime;
# the machine's Java runs the jar that the package ships.
npm ci --ignore-scripts --no-audit --no-fund --prefix "$here"
