Help teaches, version answers, and usage errors exit 2 with one line and a pointer:

  $ kennis --version
  kennis 0.1.0
  $ kennis --help | head -3
  kennis: a deduplicated, searchable catalogue of the Kennisbank Downloadcentrum
  Usage: kennis [OPTIONS] SUBCOMMAND
  
  $ kennis list --help | grep -- '--theme'
    --theme THEME ...           Only documents under THEME (repeat for any of several)
    kennis list --theme Thuiszitters
  $ kennis
  ! kennis: error: A subcommand is required
  ! Run 'kennis --help' for usage.
  [2]
  $ kennis --home lib frobnicate
  ! kennis: error: unknown command 'frobnicate'; the commands are: list, show, themes, stats, sync, fetch, search, tag, export, changes, dupes, merge, unmerge, diff, verify, gc, reindex, config, completion
  ! Run 'kennis --help' for usage.
  [2]
  $ kennis list --format xml
  ! kennis: error: --format: xml not in {table,json,csv,tsv,paths}
  ! Run 'kennis list --help' for usage.
  [2]
  $ kennis list --year soon
  ! kennis: error: --year: Value soon not in range 1000 to 9999
  ! Run 'kennis list --help' for usage.
  [2]
  $ kennis show
  ! kennis: error: DOC is required
  ! Run 'kennis show --help' for usage.
  [2]

A catalogue written by a newer kennis is refused, and left as it was:

  $ mkdir newer && sqlite3 newer/catalogue.db 'PRAGMA user_version = 999'
  $ kennis --home newer stats
  ! kennis: error: newer/catalogue.db has schema version 999, newer than this kennis understands (15)
  ! hint: a newer kennis wrote this catalogue; use that version or a later one
  [1]
  $ sqlite3 newer/catalogue.db 'PRAGMA user_version'
  999

A library home that is a file is not a library:

  $ touch afile
  $ kennis --home afile themes
  ! kennis: error: cannot use afile as the library home: Not a directory
  [1]

Options can come from the configuration file; the command line wins:

  $ mkdir -p .config/kennis && printf 'home = "cfglib"\nformat = "json"\n' > .config/kennis/config.toml
  $ kennis -q themes | jq -c 'map(.documents)'
  [71,27,31,25,28]
  $ kennis -q themes --format tsv | head -2
  name	documents	entries
  Verzuim 18-	71	99
  $ ls cfglib
  catalogue.db
  store
  tmp
  $ kennis --config nope.toml themes
  ! kennis: error: nope.toml was not readable (missing?)
  ! Run 'kennis themes --help' for usage.
  [2]
  $ printf 'format = "xml"\n' > bad.toml
  $ kennis --config bad.toml themes
  ! kennis: error: --format: xml not in {table,json,csv,tsv,paths}
  ! Run 'kennis themes --help' for usage.
  [2]
