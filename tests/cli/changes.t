A nightly script against a stand-in Kennisbank on 127.0.0.1:

  $ cat > nightly.sh <<'SCRIPT'
  > kennis --home lib sync --source "$URL/kennisbank" --fetch -q || exit
  > kennis --home lib export share --delete -q || exit
  > kennis --home lib changes --since-last-sync --format json
  > kennis --home lib changes --since-last-sync --format email --to 'Team Leerplicht <lp@gemeente.nl>' > mail.eml
  > SCRIPT
  $ kennis_test_server --port-file port --lifetime 60 &
  $ PORT=$(await-port port); export URL=http://127.0.0.1:$PORT

The first night everything is new:

  $ bash nightly.sh | jq -c '{changes, kinds: ([.themes[].changes[].kind] | unique)}'
  {"changes":121,"kinds":["added"]}

The share carries the same news as an Atom feed, WAT-IS-NIEUW.atom: valid Atom 1.0, one entry per
new document, each linking to its file on the share by a relative address:

  $ xmllint --noout --relaxng "$KENNIS_SOURCE_DIR/tests/schemas/atom.rng" share/WAT-IS-NIEUW.atom
  ! share/WAT-IS-NIEUW.atom validates
  $ xmllint --xpath 'count(//*[local-name()="entry"])' share/WAT-IS-NIEUW.atom
  121
  $ cd share && xmllint --xpath '//*[local-name()="entry"]/*[local-name()="link"]/@href' WAT-IS-NIEUW.atom |
  >   sed 's/^ *href="//; s/"$//' | while read -r href; do
  >     test -f "$(printf '%b' "${href//%/\\x}")" && echo linked || echo "missing: $href"; done | sort | uniq -c; cd ..
      121 linked
  $ grep -o '<id>urn:uuid:[^<]*</id>' share/WAT-IS-NIEUW.atom | sort > night1.ids

The mail for the team's mailbox is a MIME message with a text and an HTML part:

  $ python3 -c '
  > import email, email.policy, re
  > m = email.message_from_binary_file(open("mail.eml", "rb"), policy=email.policy.default)
  > print(m["To"], "|", m["Subject"].rsplit(" ", 1)[0], "|", m.get_content_type(), m.defects)
  > print([(p.get_content_type(), p.get_content_charset()) for p in m.iter_parts()])
  > print(re.sub(r"\d{4}-\d\d-\d\d", "DATE", m.get_body(("plain",)).get_content().splitlines()[3]))
  > print("<bdi>Handreiking Snel terug naar school is veel beter</bdi>" in m.get_body(("html",)).get_content())'
  Team Leerplicht <lp@gemeente.nl> | Kennisbank: 121 wijzigingen sinds | multipart/alternative []
  [('text/plain', 'utf-8'), ('text/html', 'utf-8')]
  - Handreiking Snel terug naar school is veel beter (nieuw, DATE, nr. 1)
  True

Then the Kennisbank stops listing document 7; the next night reports exactly that, under each of
its themes, and the export no longer holds it:

  $ kill %1; wait %1 2>/dev/null || true
  $ kennis_test_server --port-file port2 --port $PORT --drop 7 --lifetime 60 &
  $ await-port port2 > /dev/null
  $ bash nightly.sh | jq -c '{changes, themes: [.themes[] | {theme, changes: [.changes[] | {id, kind}]}]}'
  {"changes":1,"themes":[{"theme":"Verzuim 18-","changes":[{"id":7,"kind":"withdrawn"}]},{"theme":"Verzuim 18+","changes":[{"id":7,"kind":"withdrawn"}]},{"theme":"Thuiszitters","changes":[{"id":7,"kind":"withdrawn"}]},{"theme":"Voortijdig schoolverlaten","changes":[{"id":7,"kind":"withdrawn"}]},{"theme":"Jongeren 16-27","changes":[{"id":7,"kind":"withdrawn"}]}]}
  $ ls share/*/ | grep -c "$(kennis --home lib show 7 --format json | jq -r .title)"
  0
  [1]

The feed keeps the id of every entry it had and adds one for the withdrawal:

  $ grep -o '<id>urn:uuid:[^<]*</id>' share/WAT-IS-NIEUW.atom | sort > night2.ids
  $ comm -23 night1.ids night2.ids | wc -l; comm -13 night1.ids night2.ids | wc -l
  0
  1
  $ grep -c '<title type="text">Ingetrokken: ' share/WAT-IS-NIEUW.atom
  1
  $ grep -c 'Content-Type: text/' mail.eml
  2

The share tells colleagues too, in WAT-IS-NIEUW.html and WAT-IS-NIEUW.csv (the last 30 days):

  $ grep -c ',withdrawn,7,' share/WAT-IS-NIEUW.csv
  5
  $ grep -c 'ingetrokken' share/WAT-IS-NIEUW.html
  5
  $ grep -o '[0-9]* wijzigingen' share/WAT-IS-NIEUW.html
  122 wijzigingen

A night in which nothing changed gives an empty digest, no mail at all, and the same feed:

  $ cp share/WAT-IS-NIEUW.atom night2.atom
  $ bash nightly.sh | jq -c '{changes, themes}'
  {"changes":0,"themes":[]}
  $ wc -c < mail.eml
  0
  $ cmp night2.atom share/WAT-IS-NIEUW.atom && echo same
  same
  $ kennis --home lib changes --since 2000-01-01 | tail -1 | sed 's/since .*/since …/'
  122 changes since …
  $ kill %%
