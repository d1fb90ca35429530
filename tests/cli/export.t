A stand-in Kennisbank on 127.0.0.1 serves the Downloadcentrum page and a PDF behind every link:

  $ kennis_test_server --port-file port --lifetime 60 &
  $ PORT=$(await-port port); URL=http://127.0.0.1:$PORT
  $ kennis --home lib sync --source $URL/kennisbank --fetch -q

Exporting by theme puts every fetched document into the folder of every theme it is listed under,
with catalogue.csv, SHA256SUMS, index.html (with its search index, zoekindex/) and
WAT-IS-NIEUW.html/.csv/.atom beside them:

  $ kennis --home lib export share
  121 documents to share: 180 written (180 linked, 0 copied), 0 unchanged, 0 removed, 0 skipped
  $ ls share
  Jongeren 16-27
  SHA256SUMS
  Thuiszitters
  Verzuim 18+
  Verzuim 18-
  Voortijdig schoolverlaten
  WAT-IS-NIEUW.atom
  WAT-IS-NIEUW.csv
  WAT-IS-NIEUW.html
  catalogue.csv
  index.html
  zoekindex
  $ for t in "Verzuim 18-" "Verzuim 18+" Thuiszitters "Voortijdig schoolverlaten" "Jongeren 16-27"; do
  >   echo "$t: $(ls "share/$t" | wc -l) files, $(kennis --home lib list --theme "$t" --format tsv | tail -n +2 | wc -l) documents"; done
  Verzuim 18-: 70 files, 70 documents
  Verzuim 18+: 27 files, 27 documents
  Thuiszitters: 31 files, 31 documents
  Voortijdig schoolverlaten: 25 files, 25 documents
  Jongeren 16-27: 27 files, 27 documents
  $ kennis export --check share
  0 names that Windows clients cannot open
  $ (cd share && sha256sum --quiet -c SHA256SUMS && echo all files match)
  all files match
  $ echo "$(tail -n +2 share/catalogue.csv | wc -l) rows, $(grep -c '<li data-doc' share/index.html) entries"
  180 rows, 180 entries

A second export writes nothing:

  $ kennis --home lib export share --format json | jq -c '{written, unchanged, removed, linked, copied}'
  {"written":0,"unchanged":180,"removed":0,"linked":0,"copied":0}

A colleague puts a file of her own into a theme folder; then the Kennisbank stops listing document 7:

  $ echo "mijn aantekeningen" > "share/Verzuim 18-/aantekeningen.docx"
  $ kill %1; wait %1 2>/dev/null || true
  $ kennis_test_server --port-file port2 --port $PORT --drop 7 --lifetime 60 &
  $ await-port port2 > /dev/null
  $ kennis --home lib sync --source $URL/kennisbank | tail -1
  0 added, 0 updated, 1 withdrawn, 120 unchanged; 120 active documents
  $ kennis --home lib show 7 --format json | jq -r '.title, (.themes | join(", "))'
  Servicedocument Delen van persoonsgegevens tussen onderwijs en zorg
  Verzuim 18-, Verzuim 18+, Thuiszitters, Voortijdig schoolverlaten, Jongeren 16-27

Without --delete the withdrawn document's files stay; --dry-run shows what --delete would remove:

  $ kennis --home lib export share | tail -1
  120 documents to share: 0 written (0 linked, 0 copied), 175 unchanged, 0 removed, 0 skipped; 5 no longer selected (--delete removes them)
  $ kennis --home lib export share --delete --dry-run
  remove   Jongeren 16-27/Servicedocument Delen van persoonsgegevens tussen onderwijs en zorg.pdf
  remove   Thuiszitters/Servicedocument Delen van persoonsgegevens tussen onderwijs en zorg.pdf
  remove   Verzuim 18+/Servicedocument Delen van persoonsgegevens tussen onderwijs en zorg.pdf
  remove   Verzuim 18-/Servicedocument Delen van persoonsgegevens tussen onderwijs en zorg.pdf
  remove   Voortijdig schoolverlaten/Servicedocument Delen van persoonsgegevens tussen onderwijs en zorg.pdf
  dry run: would write 0 files and remove 5; 175 unchanged, 0 skipped; nothing was changed
  $ kennis --home lib export share --delete
  120 documents to share: 0 written (0 linked, 0 copied), 175 unchanged, 5 removed, 0 skipped
  $ ls share/*/ | grep -c "Servicedocument Delen van persoonsgegevens"; cat "share/Verzuim 18-/aantekeningen.docx"
  0
  mijn aantekeningen
  $ (cd share && sha256sum --quiet -c SHA256SUMS && echo all files match)
  all files match

More deletions than --max-delete allows refuse the whole run:

  $ kennis --home lib export share --delete --max-delete 3 --theme Thuiszitters; echo "exit $?"; find share -name '*.pdf' | wc -l
  exit 1
  175
  ! kennis: error: this export would delete 116 files, more than --max-delete 3; nothing was changed (run again with --max-delete 116 to allow it)

On a share that a file server offers from a local folder, colleagues open the files under their
own names: an export gives its files and folders the permissions cp and mkdir would (0666 and
0777 less the umask); only its state file stays the exporter's own:

  $ (umask 002; kennis --home lib export team --link copy --theme Thuiszitters -q)
  $ find team -type f ! -name '.kennis*' -printf '%m\n' | sort | uniq -c | sed 's/^ *//'
  96 664
  $ find team -type d -printf '%m\n' | sort | uniq -c | sed 's/^ *//'
  9 775
  $ (umask 077; kennis --home lib export private --link copy --theme Thuiszitters -q)
  $ find private -type f ! -name '.kennis*' -printf '%m\n' | sort -u
  600

A DEST that is a file, a template with an unknown field, and no DEST at all:

  $ kennis --home lib export share/catalogue.csv
  ! kennis: error: share/catalogue.csv is a file, not a folder: export writes into a folder
  [1]
  $ kennis --home lib export out --template '{thema}/{title}{ext}'
  ! kennis: error: the export template has an unknown field {thema}; the fields are {theme} {tag} {type} {year} {date} {title} {slug} {publisher} {ext}
  [2]
  $ kennis --home lib export
  ! kennis: error: export needs one of DEST, --zip FILE or --check DIR
  [2]
  $ kill %%
