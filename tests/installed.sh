#!/usr/bin/env bash
# Runs a transcript with kennis installed into a temporary prefix, as `cmake --install` lays it
# out, so that what kennis loads at run time is found where it is installed.
#   installed.sh BUILD_DIR TRANSCRIPT
set -euo pipefail
build=$1
transcript=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
cmake --install "$build" --prefix "$dest" >/dev/null
KENNIS_BIN="$dest/bin/kennis" bash "$(dirname "$0")/cli/transcript.sh" "$transcript"
