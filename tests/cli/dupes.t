`dupes` shows which documents stand for others and why, and which documents may be one. On
the built-in catalogue nothing is merged yet, and four pairs look alike:

  $ kennis -q --home lib stats > /dev/null
  $ kennis --home lib dupes
  Merged documents (0)
  
  Suspected duplicates (4; merge A B if they are one document)
    0.80 similar titles
         14 Handreiking aanwezigheidsregistratie - Ingrado, november 2020
         47 Handreiking aanwezigheidsregistratie
    0.70 similar titles
         30 Handreiking ouderbetrokkenheid PO-VO
         31 Handreiking ouderbetrokkenheid bij verzuimbeleid po-vo
    0.85 similar titles
         32 Handreiking Onderwijs, zorgen de leerplichtwet, mei 2021
         34 De Handreiking onderwijs, zorg en de Leerplichtwet
    0.80 similar titles
         100 De route van school naar werk én verder - Ingrado, december 2020
         104 De route van school naar werk én verder
  $ kennis -q --home lib dupes --similarity 0.82 --format json | jq -c '.suspects[] | [.a.id, .b.id, .reason, .similarity]'
  [32,34,"similar titles",0.85]

A person who knows they are one merges them; the second one's id and slug then find the first:

  $ kennis --home lib tag add regio/zaanstad 47
  tagged 1 of 1 documents with 'regio/zaanstad'
  $ kennis --home lib merge 14 47
  merged 47 Handreiking aanwezigheidsregistratie into 14 Handreiking aanwezigheidsregistratie - Ingrado, november 2020; 'handreiking-aanwezigheidsregistratie' and 47 now find 14
  $ kennis -q --home lib show handreiking-aanwezigheidsregistratie --format json | jq -c '{id, aliases, tags}'
  {"id":14,"aliases":["Handreiking aanwezigheidsregistratie - Ingrado, november 2020","Handreiking aanwezigheidsregistratie"],"tags":["regio/zaanstad"]}
  $ kennis -q --home lib dupes --format json | jq -c '.merged[] | {id, absorbed: [.absorbed[] | {id, slug, reason, can_unmerge}]}'
  {"id":14,"absorbed":[{"id":47,"slug":"handreiking-aanwezigheidsregistratie","reason":"merged by hand","can_unmerge":true}]}
  $ kennis -q --home lib merge 14 47
  ! kennis: error: '14' and '47' are already one document (14)
  [1]

`unmerge` takes it out again, with its own titles, themes and tags, and records that the two are
not one, so no later sync or fetch merges them again:

  $ kennis --home lib unmerge 47
  took 47 Handreiking aanwezigheidsregistratie out of 14 Handreiking aanwezigheidsregistratie - Ingrado, november 2020; the two stay apart from now on
  $ kennis -q --home lib show 47 --format json | jq -c '{id, slug, themes, tags}'
  {"id":47,"slug":"handreiking-aanwezigheidsregistratie","themes":["Verzuim 18-"],"tags":["regio/zaanstad"]}
  $ kennis -q --home lib show 14 --format json | jq -c '{id, aliases, tags}'
  {"id":14,"aliases":["Handreiking aanwezigheidsregistratie - Ingrado, november 2020"],"tags":[]}
  $ kennis -q --home lib dupes --format json | jq -c '{kept_apart: [.kept_apart[] | [.a.id, .b.id]], suspects: [.suspects[] | [.a.id, .b.id]]}'
  {"kept_apart":[[14,47]],"suspects":[[30,31],[32,34],[100,104]]}
  $ kennis -q --home lib unmerge 47
  ! kennis: error: '47' has no merged documents to take apart
  [1]
  $ kennis -q --home lib merge 14 "Bestaat niet"
  ! kennis: error: no document 'Bestaat niet'
  [1]
