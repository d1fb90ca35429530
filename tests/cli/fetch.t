A stand-in Kennisbank on 127.0.0.1 serves the Downloadcentrum page and a PDF behind every link;
document 7's file answers 503:

  $ kennis_test_server --port-file port --fail 7 --lifetime 60 &
  $ URL=http://127.0.0.1:$(await-port port)

Syncing the live page gives one document per download link, with all its themes and titles:

  $ kennis --home lib sync --source $URL/kennisbank --format json | jq -c '{added, updated, withdrawn, unchanged, documents}'
  {"added":121,"updated":0,"withdrawn":0,"unchanged":0,"documents":121}
  $ kennis --home lib show "Handreiking aanwezigheidsregistratie" --format json | jq -c '{aliases, themes}'
  {"aliases":["Handreiking aanwezigheidsregistratie - Ingrado, november 2020","Handreiking aanwezigheidsregistratie"],"themes":["Verzuim 18-","Verzuim 18+"]}
  $ kennis --home lib sync --source $URL/kennisbank | tail -1
  0 added, 0 updated, 0 withdrawn, 121 unchanged; 121 active documents

Fetching stores every file once; a failure is listed with its URL and reason, and exit 3:

  $ kennis --home lib fetch -j 8 --retries 0 2>&1 | sed "s|$URL|URL|"; echo "exit ${PIPESTATUS[0]}"
  kennis: failed     7  URL/media/doc-7.pdf  HTTP 503
  120 downloaded, 0 unchanged, 0 not modified, 0 merged, 1 failed
  exit 3
  $ kennis --home lib stats --format json | jq -c '{documents, fetched, store_files}'
  {"documents":121,"fetched":120,"store_files":120}
  $ kennis --home lib show 1 --format json | jq -c '{mime, versions: (.versions | length), path: (.path | test("store/sha256/[0-9a-f]{2}/[0-9a-f]{62}$"))}'
  {"mime":"application/pdf","versions":1,"path":true}

Again with --all: nothing is transferred, the server answers 304; the failed one is tried again:

  $ kennis --home lib fetch --all --retries 0 --format json | jq -c '{downloaded, not_modified, failed: [.failed[].error]}'; echo "exit ${PIPESTATUS[0]}"
  {"downloaded":0,"not_modified":120,"failed":["HTTP 503"]}
  exit 3

Unknown documents, and options that do not go together:

  $ kennis --home lib fetch "Geen bestaand document"
  ! kennis: error: no document 'Geen bestaand document'
  [1]
  $ kennis --home lib fetch --all --refresh
  ! kennis: error: --all excludes --refresh
  ! Run 'kennis fetch --help' for usage.
  [2]

kennis loads what it needs for the network and for PDFs from the files installed beside it (under
lib/kennis). A copy without them says what is missing, and does what needs neither:

  $ mkdir -p elsewhere/bin && cp "$(readlink -f "$(command -v kennis)")" elsewhere/bin/kennis
  $ elsewhere/bin/kennis --home lib sync --source $URL/kennisbank 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  kennis: error: cannot load a part of kennis: elsewhere/lib/kennis/kennis-http.so: cannot open shared object file: No such file or directory
  hint: install kennis again, with all its files
  exit 1
  $ elsewhere/bin/kennis --home lib stats --format json | jq -c '{documents, fetched}'
  {"documents":121,"fetched":120}
  $ kill %1
