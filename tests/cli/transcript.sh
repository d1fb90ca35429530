#!/usr/bin/env bash
# Runs one transcript test. A transcript (.t) is prose with commands and the output they must give:
#
#   Prose lines start in the first column.
#     $ kennis themes --format json      a command (continued on lines starting "  > ")
#     [                                  its output, indented two spaces: first what it wrote to stdout,
#     ! kennis: error: …                 then what it wrote to stderr, each such line marked "! "
#     [1]                                the exit code, when it is not 0
#
# All commands of a file run in one shell, in a fresh temporary directory that is also $HOME, with
# `kennis`, `kennis_test_server` (a stand-in Kennisbank on 127.0.0.1) and `await-port FILE` (the
# port such a server wrote into FILE, waited for at most 10 seconds) on the PATH. With KENNIS_ACCEPT=1 the file is rewritten with the output actually seen.
set -euo pipefail

transcript=$(realpath "$1")
bin=${KENNIS_BIN:?KENNIS_BIN must name the kennis binary}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/cwd"
ln -s "$(realpath "$bin")" "$work/bin/kennis"
ln -s "$(realpath "$(dirname "$0")/await-port")" "$work/bin/await-port"
if [[ -n ${KENNIS_TEST_SERVER:-} ]]; then
    ln -s "$(realpath "$KENNIS_TEST_SERVER")" "$work/bin/kennis_test_server"
fi
# 1. The commands as one script; each command's stdout, stderr and exit code go to files of its own.
n=0
{
    echo 'set +e'
    while IFS= read -r line; do
        if [[ $line == '  $ '* ]]; then
            ((n > 0)) && printf '} >%q 2>%q\necho $? >%q\n' "$work/out.$n" "$work/err.$n" "$work/rc.$n"
            n=$((n + 1))
            echo '{'
            printf '%s\n' "${line:4}"
        elif [[ $line == '  > '* ]]; then
            printf '%s\n' "${line:4}"
        fi
    done <"$transcript"
    ((n > 0)) && printf '} >%q 2>%q\necho $? >%q\n' "$work/out.$n" "$work/err.$n" "$work/rc.$n"
} >"$work/script.sh"

(
    cd "$work/cwd"
    env -i PATH="$work/bin:/usr/local/bin:/usr/bin:/bin" HOME="$work/cwd" TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1 \
        KENNIS_SOURCE_DIR="${KENNIS_SOURCE_DIR:-}" TERM=dumb \
        bash "$work/script.sh" </dev/null >/dev/null 2>&1
) || true

# Each command's part of the transcript: stdout, then stderr marked "! ", then the exit code.
for ((i = 1; i <= n; i++)); do
    {
        [[ -f $work/out.$i ]] && awk '{ print "  " $0 }' "$work/out.$i"
        [[ -f $work/err.$i ]] && awk '{ print "  ! " $0 }' "$work/err.$i"
        rc=$(cat "$work/rc.$i" 2>/dev/null || echo "?")
        [[ $rc == 0 ]] || echo "  [$rc]"
    } >"$work/block.$i"
done

# 2. The transcript as it should read with that output: each command's part right after it,
# before any prose that follows.
awk -v dir="$work" '
    function flush() {
        if (pending) {
            while ((getline line < (dir "/block." n)) > 0)
                print line
            pending = 0
        }
    }
    /^  \$ / { flush(); n++; print; pending = 1; next }
    /^  > / { print; next }
    /^  / { next }
    { flush(); print }
    END { flush() }
' "$transcript" >"$work/actual.t"

if [[ ${KENNIS_ACCEPT:-} == 1 ]]; then
    cp "$work/actual.t" "$transcript"
    echo "accepted $transcript"
    exit 0
fi
if ! diff -u --label "expected: $1" --label "actual" "$transcript" "$work/actual.t"; then
    echo "transcript differs; if the new output is right: KENNIS_ACCEPT=1 $0 $1" >&2
    exit 1
fi
