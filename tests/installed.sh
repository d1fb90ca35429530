#!/usr/bin/env bash
# Installs the build into a temporary prefix, as `cmake --install` lays it out, and runs a
# command with that prefix in KENNIS_PREFIX and the installed program in KENNIS_BIN.
#   installed.sh BUILD_DIR COMMAND [ARG]...
set -euo pipefail
build=$1
shift
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
KENNIS_PREFIX=$prefix KENNIS_BIN=$prefix/bin/kennis "$@"
