The first reading command on an empty library seeds it from the built-in snapshot, once, and says
so on stderr:

  $ kennis --home lib themes
  THEME                      DOCUMENTS  ENTRIES
  Verzuim 18-                71         99
  Verzuim 18+                27         34
  Thuiszitters               31         38
  Voortijdig schoolverlaten  25         29
  Jongeren 16-27             28         30
  ! kennis: note: the catalogue in lib was empty; seeded 123 documents from the built-in Downloadcentrum snapshot (run 'kennis sync' for the live page)
  $ kennis --home lib themes --format json
  [
    {
      "name": "Verzuim 18-",
      "documents": 71,
      "entries": 99
    },
    {
      "name": "Verzuim 18+",
      "documents": 27,
      "entries": 34
    },
    {
      "name": "Thuiszitters",
      "documents": 31,
      "entries": 38
    },
    {
      "name": "Voortijdig schoolverlaten",
      "documents": 25,
      "entries": 29
    },
    {
      "name": "Jongeren 16-27",
      "documents": 28,
      "entries": 30
    }
  ]
  $ kennis --home lib stats --format json | jq '{documents, withdrawn, entries, themes, aliases, sources: [.sources[] | .location, .entries]}'
  {
    "documents": 123,
    "withdrawn": 0,
    "entries": 230,
    "themes": 5,
    "aliases": 123,
    "sources": [
      "https://ingrado.nl/kennisbank",
      230
    ]
  }

Every active document, as JSON for scripts:

  $ kennis --home lib list --format json | jq length
  123
  $ kennis --home lib list --format json | jq -c '.[0]'
  {"id":1,"slug":"handreiking-snel-terug-naar-school-is-veel-beter","title":"Handreiking Snel terug naar school is veel beter","aliases":["Download de handreiking Snel terug naar school is veel beter"],"themes":["Verzuim 18-"],"tags":[],"urls":[],"status":"active","type":"Handreiking","publisher":null,"date":null,"period":null,"level":null,"sha256":null,"size":null,"mime":null,"path":null,"macros":false}

The array is laid out as one, its objects printed as they are made, and a list of nothing is an
empty array:

  $ kennis --home lib list --limit 2 --format json | grep -n '^\S\|^  \S'
  1:[
  2:  {
  25:  },
  26:  {
  49:  }
  50:]
  $ kennis --home lib list --year 1999 --format json
  []

Filters, alone and together:

  $ kennis --home lib list --type handreiking
  ID  TITLE                                                          TYPE         DATE     THEMES
  1   Handreiking Snel terug naar school is veel beter               Handreiking           Verzuim 18-
  2   Handreiking implementatie MAS versie april 2020                Handreiking  2020-04  Verzuim 18-
  13  Handreiking gamen - Ingrado, november 2018                     Handreiking  2018-11  Verzuim 18-, Verzuim 18+
  14  Handreiking aanwezigheidsregistratie - Ingrado, november 2020  Handreiking  2020-11  Verzuim 18-, Verzuim 18+
  29  Handreiking ouderbetrokkenheid MBO                             Handreiking           Verzuim 18-, Verzuim 18+, Voortijdig schoolverlaten
  30  Handreiking ouderbetrokkenheid PO-VO                           Handreiking           Verzuim 18-, Verzuim 18+, Voortijdig schoolverlaten
  31  Handreiking ouderbetrokkenheid bij verzuimbeleid po-vo         Handreiking           Verzuim 18-
  32  Handreiking Onderwijs, zorgen de leerplichtwet, mei 2021       Handreiking  2021-05  Verzuim 18-, Thuiszitters
  34  De Handreiking onderwijs, zorg en de Leerplichtwet             Handreiking           Verzuim 18-
  35  Handreiking onderwijszorg                                      Handreiking           Verzuim 18-
  38  Handreiking vavo - Ingrado, juni 2020                          Handreiking  2020-06  Verzuim 18-, Voortijdig schoolverlaten, Jongeren 16-27
  43  Handreiking Focus op onderwijstraject                          Handreiking           Verzuim 18-
  47  Handreiking aanwezigheidsregistratie                           Handreiking           Verzuim 18-
  $ kennis --home lib list --year 2020 --format tsv | cut -f1,3,11,12 | head -5
  id	title	date	period
  2	Handreiking implementatie MAS versie april 2020	2020-04	
  3	Bijlage bij handreiking - format uitnodiging themaoverleg MAS versie april 2020	2020-04	
  4	MAS folder voor scholen - Ingrado, april 2020	2020-04	
  9	PO Handboek Leerplicht versie augustus 2020	2020-08	
  $ kennis --home lib list --year 2020 --format json | jq length
  27
  $ kennis --home lib list --theme thuiszitters --type handboek --format csv | cut -d, -f1-3
  id,slug,title
  9,po-handboek-leerplicht-versie-augustus-2020,PO Handboek Leerplicht versie augustus 2020
  10,vo-handboek-leerplicht-versie-augustus-2020,VO Handboek Leerplicht versie augustus 2020
  11,v-so-handboek-leerplicht-versie-augustus-2020,(V)SO Handboek Leerplicht versie augustus 2020
  12,mbo-handboek-leerplicht-versie-augustus-2020,MBO Handboek Leerplicht versie augustus 2020
  $ kennis --home lib list --level mbo --format json | jq -r '.[].title'
  MBO Handboek Leerplicht versie augustus 2020
  Handreiking ouderbetrokkenheid MBO
  Integrale aanpak volgens M@ZL van ziekteverzuim op het Middelbaar Beroepsonderwijs
  Servicedocument-mbo-jongeren-ondersteuning
  MBO routekaart
  Routekaart van school naar werk voor mbo-studenten - Werkgroep mbo routekaart, januari 2021
  $ kennis --home lib list --theme Verzuim
  ! kennis: error: theme 'Verzuim' is ambiguous: it could be Verzuim 18-, Verzuim 18+
  [2]
  $ kennis --home lib list --level hbo
  ! kennis: error: no school level 'hbo'; use PO, VO, (V)SO or MBO
  [2]
  $ kennis --home lib list --status gone
  ! kennis: error: --status: gone not in {active,withdrawn,all}
  ! Run 'kennis list --help' for usage.
  [2]

KENNIS_HOME names the library when --home does not, and XDG_DATA_HOME after that:

  $ KENNIS_HOME=$PWD/other kennis -q themes --format tsv | head -2
  name	documents	entries
  Verzuim 18-	71	99
  $ ls other
  catalogue.db
  store
  tmp
  $ XDG_DATA_HOME=$PWD/xdg kennis -q stats --format json | jq -r .home | sed "s|$PWD|.|"
  ./xdg/kennis

Four commands that find the same empty library at once seed it once:

  $ for i in 1 2 3 4; do kennis --home together stats --format json > out$i 2> err$i & done; wait
  $ cat err1 err2 err3 err4 | grep -c seeded
  1
  $ jq -s 'map(.documents)' out1 out2 out3 out4 | jq -c .
  [123,123,123,123]
