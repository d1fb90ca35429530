A nightly script against a stand-in Kennisbank on 127.0.0.1:

  $ cat > nightly.sh <<'SCRIPT'
  > kennis --home lib sync --source "$URL/kennisbank" --fetch -q || exit
  > kennis --home lib export share --delete -q || exit
  > kennis --home lib changes --since-last-sync --format json
  > SCRIPT
  $ kennis_test_server --port-file port --lifetime 60 &
  $ PORT=$(await-port port); export URL=http://127.0.0.1:$PORT

The first night everything is new:

  $ bash nightly.sh | jq -c '{changes, kinds: ([.themes[].changes[].kind] | unique)}'
  {"changes":121,"kinds":["added"]}

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

The share tells colleagues too, in WAT-IS-NIEUW.html and WAT-IS-NIEUW.csv (the last 30 days):

  $ grep -c ',withdrawn,7,' share/WAT-IS-NIEUW.csv
  5
  $ grep -c 'ingetrokken' share/WAT-IS-NIEUW.html
  5
  $ grep -o '[0-9]* wijzigingen' share/WAT-IS-NIEUW.html
  122 wijzigingen

A night in which nothing changed gives an empty digest:

  $ bash nightly.sh | jq -c '{changes, themes}'
  {"changes":0,"themes":[]}
  $ kennis --home lib changes --since 2000-01-01 | tail -1 | sed 's/since .*/since …/'
  122 changes since …
  $ kill %%
