#!/usr/bin/env bash
# Every command that `kennis --help` lists has a manual page that names each of its options and
# every value that --help shows for one as {a,b,c}, and `cmake --install` puts kennis and all the
# pages (gzipped) in place. Run by installed.sh, with kennis
# installed in KENNIS_PREFIX.
set -euo pipefail
prefix=${KENNIS_PREFIX:?run by installed.sh}
kennis=$prefix/bin/kennis
status=0
fail() {
    echo "$1"
    status=1
}
[[ -x $prefix/bin/kennis ]] || fail "cmake --install did not install bin/kennis"
[[ -f $prefix/share/man/man1/kennis.1.gz ]] || fail "cmake --install did not install kennis.1.gz"
# The pages are installed compressed; they are read here as man reads them.
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
for gz in "$prefix"/share/man/man1/*.1.gz; do
    gzip -dc "$gz" >"$pages/$(basename "$gz" .gz)"
done
# The values --help shows for the options of `kennis ARGS…` that `page` must name.
check_values() {
    local page=$1
    shift
    local line option value
    local -a values
    while IFS= read -r line; do
        option=$(grep -oE -- '--[a-z][a-z-]*' <<<"$line" | head -1)
        IFS=, read -r -a values <<<"$(sed -E 's/.*:\{([^}]*)\}.*/\1/' <<<"$line")"
        for value in "${values[@]}"; do
            grep -qF -- "${value//-/\\-}" "$page" || fail "$(basename "$page") does not name $value, a value of $option"
        done
    done < <("$kennis" "$@" --help | grep -E -- '^ +(-[a-zA-Z], ?)?--[a-z][a-z-]* [A-Z]+:\{')
}
check_values "$pages/kennis.1"
commands=$("$kennis" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[[ -n $commands ]] || fail "kennis --help lists no commands"
for command in $commands; do
    page=$pages/kennis-$command.1
    if [[ ! -f $page ]]; then
        fail "no manual page kennis-$command(1) was installed"
        continue
    fi
    grep -q "kennis\\\\-$command (1)" "$pages/kennis.1" || fail "kennis(1) does not point to kennis-$command(1)"
    for option in $("$kennis" "$command" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
        [[ $option == --help ]] && continue
        grep -qF -- "${option//-/\\-}" "$page" || fail "kennis-$command(1) does not describe $option"
    done
    check_values "$page" "$command"
done
exit $status
