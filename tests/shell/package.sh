#!/usr/bin/env bash
# The Debian package as an administrator gets it: built from the build tree, listed, checked by
# lintian, and unpacked into a temporary root, from where the program runs with its modules, lists
# the shipped snapshot, completes a command line, and runs the nightly job against a stand-in
# Kennisbank on 127.0.0.1: the share is written, the team gets one mail, and a night with nothing
# new sends none.
#   package.sh BUILD_DIR SOURCE_DIR   (KENNIS_TEST_SERVER names the stand-in server)
set -euo pipefail
build=$(realpath "$1")
source_dir=$(realpath "$2")
server=${KENNIS_TEST_SERVER:?KENNIS_TEST_SERVER must name the test server}
work=$(mktemp -d)
server_pid=
cleanup() {
    [[ -z $server_pid ]] || kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
status=0
fail() {
    echo "FAIL: $1"
    status=1
}

# 1. Build it.
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log"
    exit 1
}
deb=$(ls "$work"/out/kennis_*_*.deb)
version=$(dpkg-deb -f "$deb" Version)
[[ $(basename "$deb") == "kennis_${version}_$(dpkg --print-architecture).deb" ]] || fail "the package is named $(basename "$deb")"

# 2. What it holds: the program, its modules, every manual page, the completions where the shells
# look, the snapshot, the nightly job and its settings.
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$work/files"
expect=(/usr/bin/kennis /usr/lib/kennis/kennis-http.so /usr/lib/kennis/kennis-pdf.so
    /usr/share/bash-completion/completions/kennis /usr/share/zsh/vendor-completions/_kennis
    /usr/share/fish/vendor_completions.d/kennis.fish /usr/share/kennis/downloadcentrum.tsv
    /usr/lib/kennis/kennis-nightly /usr/lib/systemd/system/kennis-nightly.service
    /usr/lib/systemd/system/kennis-nightly.timer /etc/kennis/config.toml /etc/kennis/nightly.conf
    /usr/share/doc/kennis/copyright /usr/share/doc/kennis/changelog.gz)
for page in "$source_dir"/man/*.1; do
    expect+=("/usr/share/man/man1/$(basename "$page").gz")
done
for f in "${expect[@]}"; do
    grep -qx -- "$f" "$work/files" || fail "the package does not hold $f"
done
grep -v '/$' "$work/files" | grep -Ev '^/(usr|etc/kennis)/' && fail "the package puts files outside /usr and /etc/kennis"
dpkg-deb -f "$deb" Depends | grep -q 'libcurl4' || fail "Depends does not name the libraries the program links: $(dpkg-deb -f "$deb" Depends)"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles >"$work/conffiles"
diff <(grep '^/etc/.*[^/]$' "$work/files" | sort) <(sort "$work/conffiles") >/dev/null || fail "not every file in /etc is a conffile"
for script in postinst prerm postrm; do
    dpkg-deb --ctrl-tarfile "$deb" | tar -xO "./$script" | sh -n || fail "$script is not a valid shell script"
done

# 3. lintian: no errors.
if ! command -v lintian >/dev/null; then
    fail "lintian is not installed (make deps installs it)"
elif ! lintian --fail-on error "$deb" >"$work/lintian.log" 2>&1; then
    cat "$work/lintian.log"
    fail "lintian reports errors"
fi

# 4. Unpacked: the program runs from there and finds its modules there.
root=$work/root
dpkg-deb -x "$deb" "$root"
kennis=$root/usr/bin/kennis
[[ $("$kennis" --version) == "kennis $version" ]] || fail "kennis --version says '$("$kennis" --version)'"
export HOME=$work/home
mkdir -p "$HOME"
listed=$(KENNIS_HOME=$work/seeded "$kennis" --format json list 2>/dev/null | jq length)
snapshot=$(grep -cv '^#' "$root/usr/share/kennis/downloadcentrum.tsv" || true)
((listed > 100 && listed <= snapshot)) || fail "kennis list on the shipped snapshot lists $listed documents"
# The fetch transcript goes on the network and reads PDFs: both modules, loaded from the unpacked tree.
KENNIS_BIN=$kennis KENNIS_SOURCE_DIR=$source_dir bash "$source_dir/tests/cli/transcript.sh" "$source_dir/tests/cli/fetch.t" ||
    fail "the fetch transcript fails with the unpacked kennis"

# 5. The bash completion, from where the package puts it.
completed=$(PATH="$root/usr/bin:$PATH" bash -c '
    source "$1"
    COMP_WORDS=(kennis changes --format "")
    COMP_CWORD=3
    _kennis
    echo "${COMPREPLY[*]}"' _ "$root/usr/share/bash-completion/completions/kennis")
[[ $completed == *atom*email* ]] || fail "the packaged bash completion offers '$completed' for kennis changes --format"

# 6. The nightly job as its unit runs it, with the unpacked settings pointed at a stand-in
# Kennisbank, a share, and a sendmail that keeps what it is given.
[[ $(grep '^ExecStart=' "$root/usr/lib/systemd/system/kennis-nightly.service") == "ExecStart=/usr/lib/kennis/kennis-nightly" ]] ||
    fail "the service does not run the nightly job"
grep -q '^WantedBy=timers.target' "$root/usr/lib/systemd/system/kennis-nightly.timer" || fail "the timer cannot be enabled"
"$server" --port-file "$work/port" --lifetime 120 &
server_pid=$!
port=$(bash "$source_dir/tests/cli/await-port" "$work/port")
cp "$root/etc/kennis/config.toml" "$work/config.toml"
printf '\n[sync]\nsource = ["http://127.0.0.1:%s/kennisbank"]\n' "$port" >>"$work/config.toml"
cat >"$work/sendmail" <<'SENDMAIL'
#!/bin/sh
[ "$1" = -t ] || exit 64
cat >>"$MAILBOX"
SENDMAIL
chmod +x "$work/sendmail"
nightly() {
    # The unit's settings file, as systemd reads it, then the variables the test points elsewhere.
    (
        set -a
        # shellcheck disable=SC1091
        . "$root/etc/kennis/nightly.conf"
        set +a
        PATH="$root/usr/bin:$PATH" KENNIS_HOME=$work/lib KENNIS_CONFIG=$work/config.toml KENNIS_EXPORT=$work/share \
            KENNIS_MAIL_TO="lp@gemeente.nl, Team RMC <rmc@gemeente.nl>" KENNIS_SENDMAIL=$work/sendmail MAILBOX=$work/mailbox \
            "$root/usr/lib/kennis/kennis-nightly"
    )
}
nightly || fail "the first nightly run exits $?"
[[ -f $work/share/index.html && -f $work/share/WAT-IS-NIEUW.atom ]] || fail "the nightly job wrote no share"
grep -q '^To: lp@gemeente.nl, Team RMC <rmc@gemeente.nl>$' "$work/mailbox" || fail "the mail does not go to the team"
grep -q '^Subject: Kennisbank: 121 wijzigingen sinds ' "$work/mailbox" || fail "the mail's subject does not count the changes"
cp "$work/mailbox" "$work/first-mail"
nightly || fail "the second nightly run exits $?"
cmp -s "$work/mailbox" "$work/first-mail" || fail "a night with nothing new sent a mail"

exit $status
