Tags are case-insensitive, trimmed, and nest with '/'; search and list follow them at once:

  $ kennis -q --home lib tag add " Regio/Zaanstad " 12 14
  $ kennis -q --home lib tag add MAS --query '"methodische aanpak"'
  $ kennis -q --home lib tag list
  TAG             DOCUMENTS
  mas             3
  regio/zaanstad  2
  $ kennis -q --home lib search tag:zaanstad --format tsv | cut -f1,3
  id	title
  12	MBO Handboek Leerplicht versie augustus 2020
  14	Handreiking aanwezigheidsregistratie - Ingrado, november 2020
  $ kennis -q --home lib list --tag regio --format tsv | cut -f1,6
  id	tags
  12	regio/zaanstad
  14	regio/zaanstad
  $ kennis -q --home lib tag rename regio gebied
  $ kennis -q --home lib tag list 12
  TAG              DOCUMENTS
  gebied/zaanstad  2
  $ kennis --home lib tag rm mas --tag mas --format json
  {"tag":"mas","selected":3,"changed":3}

Nothing is tagged without naming what:

  $ kennis -q --home lib tag add alles
  ! kennis: error: name the documents to tag: DOC…, --query QUERY, or a filter such as --theme
  [2]
  $ kennis -q --home lib tag add x "Bestaat niet"
  ! kennis: error: no document 'Bestaat niet'
  [1]
