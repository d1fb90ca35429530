Search works on an empty library too: it seeds it first. Dutch word forms, accents and case do
not matter:

  $ kennis --home lib search handreikingen --format tsv | cut -f1,3 | sort -n
  id	title
  1	Handreiking Snel terug naar school is veel beter
  2	Handreiking implementatie MAS versie april 2020
  3	Bijlage bij handreiking - format uitnodiging themaoverleg MAS versie april 2020
  13	Handreiking gamen - Ingrado, november 2018
  14	Handreiking aanwezigheidsregistratie - Ingrado, november 2020
  29	Handreiking ouderbetrokkenheid MBO
  30	Handreiking ouderbetrokkenheid PO-VO
  31	Handreiking ouderbetrokkenheid bij verzuimbeleid po-vo
  32	Handreiking Onderwijs, zorgen de leerplichtwet, mei 2021
  34	De Handreiking onderwijs, zorg en de Leerplichtwet
  35	Handreiking onderwijszorg
  38	Handreiking vavo - Ingrado, juni 2020
  43	Handreiking Focus op onderwijstraject
  47	Handreiking aanwezigheidsregistratie
  ! kennis: note: the catalogue in lib was empty; seeded 123 documents from the built-in Downloadcentrum snapshot (run 'kennis sync' for the live page)
  $ kennis -q --home lib search handreiking --theme Thuiszitters
  ID  TITLE                                                     THEMES                     PAGE  SNIPPET
  32  Handreiking Onderwijs, zorgen de leerplichtwet, mei 2021  Verzuim 18-, Thuiszitters        Handreiking Onderwijs, zorgen de leerplichtwet, mei 2021
  $ kennis -q --home lib search leerplicht -handboek --format json | jq -c '[length, ([.[].title | select(test("handboek"; "i"))] | length)]'
  [9,0]
  $ kennis -q --home lib search '"snel terug"' title:handreiking --format json | jq -c '.[] | {id, title, score: (.score < 0), snippet}'
  {"id":1,"title":"Handreiking Snel terug naar school is veel beter","score":true,"snippet":"Handreiking Snel terug naar school is veel beter Download de handreiking Snel…"}

Every hit is a document, with the fields of list plus score, snippet and page:

  $ kennis -q --home lib search vavo --format json | jq -c '.[0] | keys'
  ["aliases","date","id","level","macros","mime","ocr","page","part","path","period","publisher","score","sha256","size","slug","snippet","status","tags","themes","title","type","urls"]

A query that cannot be understood is a usage error, with what and where:

  $ kennis -q --home lib search 'verzuim OR'
  ! kennis: error: bad query: OR needs a word after it (at column 9 of 'verzuim OR')
  [2]
  $ kennis -q --home lib search '"snel terug'
  ! kennis: error: bad query: a quote is not closed (at column 1 of '"snel terug')
  [2]
  $ kennis -q --home lib search 'foo:bar'
  ! kennis: error: bad query: there is no field 'foo:'; the fields are title:, theme:, tag: and type: (at column 1 of 'foo:bar')
  [2]
  $ kennis -q --home lib search 'NEAR(verzuim' --format json | jq length
  0

Words inside fetched files are found, with the page they are on; paths feed other tools:

  $ kennis_test_server --port-file port --lifetime 60 &
  $ URL=http://127.0.0.1:$(await-port port)
  $ kennis -q --home lib sync --source $URL/kennisbank --fetch
  $ kennis -q --home lib search '"document 12"' --format json | jq -c '.[] | {id, page, snippet}'
  {"id":12,"page":2,"snippet":"Document 12"}
  $ kennis -q --home lib search '"document 12"' --format paths | xargs head -c 8; echo
  %PDF-1.4
  $ kennis -q --home lib themes --format paths
  ! kennis: error: --format paths is for commands that list documents
  [2]
  $ kill %1

On a terminal the matched words are highlighted, unless NO_COLOR is set; on a pipe never:

  $ script -qec "env -u NO_COLOR kennis -q --home lib search vavo --limit 1" /dev/null | grep -c $'\e\[1;33mvavo\e\[0m'
  1
  $ script -qec "kennis -q --home lib search vavo --limit 1" /dev/null | grep -c $'\e\['
  0
  [1]
  $ env -u NO_COLOR kennis -q --home lib search vavo --limit 1 | grep -c $'\e\['
  0
  [1]

Abbreviations find what they stand for, and the words find the abbreviation; --explain shows the
query as it is searched, a group added with --synonyms (or in the config file) among them:

  $ kennis --home lib search 'title:"voortijdig schoolverlaten"' --format tsv | tail -n +2 | wc -l
  2
  $ kennis --home lib search vsv --theme 'Voortijdig schoolverlaten' --format json | jq -r '.[].title' | grep -ci 'voortijdig schoolverlaten'
  2
  $ kennis --home lib search '"vsv"' --format json | jq -r '.[].title' | grep -ci 'voortijdig schoolverlaten'
  0
  [1]
  $ kennis --home lib search vsv verzuim --explain
  query     vsv verzuim
  searches  ("vsv" OR "voortijdig schoolverlaten" OR "voortijdig schoolverlater" OR "voortijdige schoolverlaters") AND "verzuim"
  synonyms  vsv → voortijdig schoolverlaten, voortijdig schoolverlater, voortijdige schoolverlaters
  stems     vsv, verzuim
  $ kennis --home lib --synonyms 'lvs = leerlingvolgsysteem' search 'LVS' --explain --format json | jq -c '.synonyms'
  [{"typed":"LVS","forms":["leerlingvolgsysteem"]}]
  $ kennis --home lib --synonyms 'lvs' search lvs
  ! kennis: error: the synonyms 'lvs' need at least two forms separated by '='; for example "vsv = voortijdig schoolverlaten"
  [2]
