A snapshot file is a source; sync applies it and says what changed:

  $ printf '#kennis-snapshot 1\n# source: https://example.test/kennisbank\nThema A\tHandreiking een\nThema A\tRapport twee - mei 2021\nThema B\tHandreiking een\n' > one.tsv
  $ kennis --home lib sync --source one.tsv
  https://example.test/kennisbank: 3 entries
    added         1  Handreiking een
    added         2  Rapport twee - mei 2021
  2 added, 0 updated, 0 withdrawn, 0 unchanged; 2 active documents
  $ kennis --home lib sync --source one.tsv --format json
  {
    "added": 0,
    "updated": 0,
    "withdrawn": 0,
    "unchanged": 2,
    "documents": 2,
    "sources": [
      {
        "source": "https://example.test/kennisbank",
        "entries": 3,
        "added": 0,
        "updated": 0,
        "withdrawn": 0,
        "unchanged": 2,
        "changes": []
      }
    ]
  }
  $ kennis --home lib themes
  THEME    DOCUMENTS  ENTRIES
  Thema A  2          2
  Thema B  1          1

sync never seeds: the library holds only what was synced.

  $ kennis --home lib list --format tsv | cut -f1,3,4
  id	title	aliases
  1	Handreiking een	Handreiking een
  2	Rapport twee - mei 2021	Rapport twee - mei 2021

A document that the source stops listing is withdrawn, not deleted; a move between themes is reported:

  $ printf '#kennis-snapshot 1\n# source: https://example.test/kennisbank\nThema B\tHandreiking een\nThema B\tNieuw stuk\n' > two.tsv
  $ kennis --home lib sync --source two.tsv
  https://example.test/kennisbank: 2 entries
    added         3  Nieuw stuk
    updated       1  Handreiking een (no longer under Thema A)
    withdrawn     2  Rapport twee - mei 2021 (no longer listed)
  1 added, 1 updated, 1 withdrawn, 0 unchanged; 2 active documents
  $ kennis --home lib list --status all --format tsv | cut -f1,3,8
  id	title	status
  1	Handreiking een	active
  2	Rapport twee - mei 2021	withdrawn
  3	Nieuw stuk	active
  $ kennis --home lib show 2 --format json | jq -c '{status, themes}'
  {"status":"withdrawn","themes":["Thema A"]}

A snapshot with an error changes nothing and names the file and the line:

  $ printf '#kennis-snapshot 1\nThema A\tGoed\nalleen een titel\n' > broken.tsv
  $ kennis --home lib sync --source broken.tsv
  ! kennis: error: broken.tsv:3: expected THEME<tab>TITLE[<tab>URL], found 1 field
  [1]
  $ kennis --home lib list --status all --format json | jq length
  3

Nor does a listing that lost more than half its entries, unless forced:

  $ printf '#kennis-snapshot 1\n# source: https://example.test/kennisbank\nThema B\tNieuw stuk\n' > small.tsv
  $ printf '#kennis-snapshot 1\n# source: https://example.test/kennisbank\nThema B\tNieuw stuk\nThema B\tHandreiking een\nThema B\tDrie\nThema B\tVier\nThema B\tVijf\n' > five.tsv
  $ kennis -q --home lib sync --source five.tsv
  $ kennis --home lib sync --source small.tsv
  ! kennis: error: https://example.test/kennisbank lists 1 entries, fewer than half of the 5 at its last sync; if that is right, sync again with --force
  [1]
  $ kennis --home lib sync --source small.tsv --force --format json | jq -c '{added, updated, withdrawn, unchanged, documents}'
  {"added":0,"updated":0,"withdrawn":4,"unchanged":1,"documents":1}

Missing files, and files that are neither snapshots nor Kennisbank pages:

  $ kennis --home lib sync --source nope.tsv
  ! kennis: error: cannot read nope.tsv: no such file
  [1]
  $ echo '<html><body>Downloadcentrum</body></html>' > page.html
  $ kennis --home lib sync --source page.html
  ! kennis: error: page.html: the page has no Downloadcentrum
  [1]

Writers take the library lock; a second writer exits 4, or waits for it with --wait:

  $ flock lib/lock -c 'kennis --home lib sync --source one.tsv'
  ! kennis: error: the library lib is locked by another kennis run
  ! hint: try again later, or let the run wait for it with --wait SECONDS
  [4]
  $ flock lib/lock -c 'kennis --home lib --wait 0.2 sync --source one.tsv'
  ! kennis: error: the library lib is locked by another kennis run
  ! hint: try again later, or let the run wait for it with --wait SECONDS
  [4]
  $ mkfifo held release
  $ (flock lib/lock -c 'echo > held; read line < release') &
  $ read line < held; (kennis -q --home lib --wait 60 sync --source one.tsv; echo "waited, exit $?") & echo > release; wait
  waited, exit 0

Readers never take the lock:

  $ flock lib/lock -c 'kennis --home lib list --format tsv | cut -f1,3'
  id	title
  1	Handreiking een
  2	Rapport twee - mei 2021
