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
cd "$work"
kennis completion bash >"$work/c.bash"
kennis completion zsh >"$work/c.zsh"
kennis completion fish >"$work/c.fish"

status=0
fail() {
    echo "$1"
    status=1
}

# 1. What to ask: the words of a command line up to the cursor (the last one is being completed),
# and what the completion must offer there.
sep=$'\x1f'
labels=() expected=()
: >"$work/queries"
ask() { # expected-lines word...
    local want=$1
    shift
    local IFS=$sep
    printf '%s%sEND\n' "$*" "$sep" >>"$work/queries"
    labels+=("$*")
    expected+=("$want")
}
subcommands() { kennis "$@" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'; }
collect() { # the words of a command, e.g. "" or "export" or "tag add"
    local -a words
    read -r -a words <<<"$1"
    local help options option values
    help=$(kennis "${words[@]}" --help)
    options=$(grep -oE -- '^ +(-[a-zA-Z], ?)?--[a-z][a-z-]*' <<<"$help" | grep -oE -- '--[a-z][a-z-]*' | grep -vx -- --help || true)
    ask "$options" kennis "${words[@]}" --
    for option in $options; do
        values=$(grep -E -- "^ +(-[a-zA-Z], ?)?$option [A-Z]+:\{" <<<"$help" | sed -E 's/.*:\{([^}]*)\}.*/\1/' || true)
        [[ -z $values ]] || ask "${values//,/$'\n'}" kennis "${words[@]}" "$option" ""
    done
}
commands=$(subcommands)
[[ -n $commands ]] || fail "kennis --help lists no commands"
collect ""
for command in $commands; do
    collect "$command"
    for sub in $(subcommands "$command"); do
        collect "$command $sub"
    done
done

# 2. Each shell answers every question in one run, each answer closed by a line "@@".
bash -c 'source "$1"
    while IFS=$'\''\x1f'\'' read -r -a w; do
        COMP_WORDS=("${w[@]:0:${#w[@]}-1}"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
        _kennis; printf "%s\n" "${COMPREPLY[@]}" @@
    done' _ "$work/c.bash" <"$work/queries" >"$work/bash.out"
zsh -c 'autoload -U +X compinit && compinit -u -D; source "$1"; setopt ksharrays
    while IFS=$'\''\x1f'\'' read -r -A w; do
        COMP_WORDS=("${(@)w[0,-2]}"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
        _kennis; print -rl -- "${COMPREPLY[@]}" @@
    done' _ "$work/c.zsh" <"$work/queries" >"$work/zsh.out"
tr "$sep" ' ' <"$work/queries" | sed 's/ END$//' |
    fish -c 'source $argv[1]; while read -l line; complete -C "$line" | cut -f1; echo @@; end' "$work/c.fish" >"$work/fish.out"

# 3. Every answer holds what it must.
for shell in bash zsh fish; do
    mapfile -t lines <"$work/$shell.out"
    i=0 answer=""
    for line in "${lines[@]}"; do
        if [[ $line != @@ ]]; then
            answer+="$line"$'\n'
            continue
        fi
        while IFS= read -r want; do
            [[ -z $want ]] || grep -qxF -- "$want" <<<"$answer" ||
                fail "$shell: '${labels[i]//$sep/ }' does not offer $want (offers: $(echo $answer))"
        done <<<"${expected[i]}"
        i=$((i + 1)) answer=""
    done
    ((i == ${#labels[@]})) || fail "$shell answered $i of ${#labels[@]} questions"
done
if ((status == 0)); then echo "every option and value of every command completes in bash, zsh and fish"; fi
exit $status
