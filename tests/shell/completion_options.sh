#!/usr/bin/env bash
# Every option that `kennis [COMMAND [SUBCOMMAND]] --help` lists is completed by the bash, zsh and
# fish scripts of `kennis completion`, and so is every value that --help shows for it as {a,b,c}.
set -euo pipefail
bin=${KENNIS_BIN:?KENNIS_BIN must name the kennis binary}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$(realpath "$bin")" "$work/bin/kennis"
export PATH="$work/bin:$PATH" HOME="$work" KENNIS_HOME="$work/lib"
kennis completion bash >"$work/c.bash"
kennis completion zsh >"$work/c.zsh"
kennis completion fish >"$work/c.fish"

status=0
fail() {
    echo "$1"
    status=1
}

# What each shell offers after the words given, one candidate per line. All three take the same
# words: the command line up to the cursor, the last word being the one completed.
offered_bash() {
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _kennis; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$work/c.bash" "$@"
}
offered_zsh() {
    zsh -c 'autoload -U +X compinit && compinit -u -D; source "$1"; shift; setopt ksharrays
            COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _kennis; print -rl -- "${COMPREPLY[@]}"' \
        _ "$work/c.zsh" "$@"
}
offered_fish() {
    local line="$*"
    fish -c 'source $argv[1]; complete -C $argv[2]' "$work/c.fish" "$line" | cut -f1
}

# The subcommands a --help lists.
subcommands() { kennis "$@" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'; }

check() { # words of a command, e.g. "" or "export" or "tag add"
    local -a words
    read -r -a words <<<"$1"
    local help
    help=$(kennis "${words[@]}" --help)
    local options
    options=$(grep -oE -- '^ +(-[a-zA-Z], ?)?--[a-z][a-z-]*' <<<"$help" | grep -oE -- '--[a-z][a-z-]*' | grep -vx -- --help || true)
    local shell offered option values value
    for shell in bash zsh fish; do
        offered=$("offered_$shell" kennis "${words[@]}" --)
        for option in $options; do
            grep -qxF -- "$option" <<<"$offered" || fail "$shell: 'kennis ${words[*]} --' does not offer $option"
        done
        for option in $options; do
            values=$(grep -E -- "^ +(-[a-zA-Z], ?)?$option [A-Z]+:\{" <<<"$help" | sed -E 's/.*:\{([^}]*)\}.*/\1/' || true)
            [[ -n $values ]] || continue
            offered=$("offered_$shell" kennis "${words[@]}" "$option" "")
            IFS=, read -r -a values <<<"$values"
            for value in "${values[@]}"; do
                grep -qxF -- "$value" <<<"$offered" ||
                    fail "$shell: 'kennis ${words[*]} $option' does not offer $value (offers: $(echo $offered))"
            done
        done
    done
}

commands=$(subcommands)
[[ -n $commands ]] || fail "kennis --help lists no commands"
check ""
for command in $commands; do
    check "$command"
    for sub in $(subcommands "$command"); do
        check "$command $sub"
    done
done
if ((status == 0)); then echo "every option and value of every command completes in bash, zsh and fish"; fi
exit $status
