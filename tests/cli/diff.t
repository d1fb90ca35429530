A stand-in Kennisbank whose document 2 is a three-page handbook, fetched once:

  $ kennis_test_server --port-file port --handbook 2:1 --lifetime 60 &
  $ PORT=$(await-port port)
  $ kennis --home lib sync --source http://127.0.0.1:$PORT/kennisbank --fetch -q

With one version and no earlier edition there is nothing to compare it with:

  $ kennis --home lib diff 2
  ! kennis: error: '2' has one version and no earlier edition to compare with; name a second document: kennis diff A B
  [1]

The Kennisbank publishes a second version, which leaves out a paragraph on page 2 and adds one on
page 3:

  $ kill %1; wait
  $ kennis_test_server --port-file port2 --port $PORT --handbook 2:2 --lifetime 60 &
  $ await-port port2 >/dev/null; kennis --home lib fetch 2 -q

diff shows exactly those two paragraphs, with their pages, and how much of the text changed:

  $ kennis --home lib diff 2 | sed -E 's/of [0-9-]{10} \([0-9a-f]{12}\)/of DATE (SHA)/'
  --- 2 Handreiking implementatie MAS versie april 2020, version 1 of DATE (SHA)
  +++ 2 Handreiking implementatie MAS versie april 2020, version 2 of DATE (SHA)
  previous version: 2 changes, 22 % of the text
  
  removed from page 2
  - Voortijdig schoolverlaten betekent dat een jongere zonder startkwalificatie het
  - onderwijs verlaat. De regionale meld- en coordinatiefunctie volgt deze jongeren
  - tot hun drieentwintigste jaar.
  
  added on page 3
  + Handreikingen voor scholen beschrijven hoe verzuim wordt gemeld bij DUO. Een
  + melding volgt na zestien uur afwezigheid in vier weken; luxeverzuim wordt altijd
  + gemeld, ook als het om een enkele dag gaat.

  $ kennis --home lib diff 2 --format json | jq -c '.against, .old.version, .new.version, [.changes[] | {kind, old_page, new_page}]'
  "previous version"
  1
  2
  [{"kind":"removed","old_page":2,"new_page":2},{"kind":"added","old_page":3,"new_page":3}]

Two documents are compared as named, the first as the old text:

  $ kennis --home lib diff 2 3 --format json | jq -c '[.against, .old.id, .new.id, (.changed > 0.9)]'
  ["other document",2,3,true]

show says how much of the text changed, and since what:

  $ kennis --home lib show 2 | grep text_change
  text_change: 22 % of the text, in 2 places, since version 1; kennis diff 2
  $ kennis --home lib show 2 --format json | jq -c '.text_change'
  {"against":"previous version","id":2,"version":1,"changed":0.216,"changes":2}

On the share, WAT-IS-NIEUW says how much of the new version's text changed, and links to a page
that shows the lines:

  $ kennis --home lib export share -q
  $ grep -o '[0-9]* % van de tekst gewijzigd</span><a href="[^"]*"' share/WAT-IS-NIEUW.html
  22 % van de tekst gewijzigd</span><a href="wijzigingen/2-versie-2.html"
  $ grep -o '<del>' share/wijzigingen/2-versie-2.html | wc -l; grep -o '<ins>' share/wijzigingen/2-versie-2.html | wc -l
  3
  3
  $ grep -o '<h2>[^<]*</h2>' share/wijzigingen/2-versie-2.html
  <h2>Weggelaten van pagina 2</h2>
  <h2>Toegevoegd op pagina 3</h2>
  $ ls share/wijzigingen
  2-versie-2.html

As a colleague opens it from the share, in a browser:

  $ chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$PWD/share/wijzigingen/2-versie-2.html" 2>/dev/null |
  >   grep -o '<ins>[^<]*</ins>' | head -1
  <ins>Handreikingen voor scholen beschrijven hoe verzuim wordt gemeld bij DUO. Een</ins>

A script reads the changes as CSV, one run of lines to a row:

  $ kennis --home lib diff 2 --format csv | cut -c1-60
  kind,old_page,new_page,removed,added
  removed,2,2,Voortijdig schoolverlaten betekent dat een jonge
  added,3,3,,"Handreikingen voor scholen beschrijven hoe verzu
  $ kill %1
