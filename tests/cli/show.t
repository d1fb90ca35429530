One document, by title, id or slug:

  $ kennis -q --home lib show "VO Handboek Leerplicht versie augustus 2020" --format json | jq -c '{id, slug, title, themes, type, level, date, status, versions}'
  {"id":10,"slug":"vo-handboek-leerplicht-versie-augustus-2020","title":"VO Handboek Leerplicht versie augustus 2020","themes":["Verzuim 18-","Thuiszitters"],"type":"Handboek","level":"VO","date":"2020-08","status":"active","versions":[]}
  $ kennis -q --home lib show 10 --format json | jq -r .slug
  vo-handboek-leerplicht-versie-augustus-2020
  $ kennis -q --home lib show vo-handboek-leerplicht-versie-augustus-2020 | grep -v _seen
  id:         10
  slug:       vo-handboek-leerplicht-versie-augustus-2020
  title:      VO Handboek Leerplicht versie augustus 2020
  aliases:    VO Handboek Leerplicht versie augustus 2020
  themes:     Verzuim 18-
              Thuiszitters
  tags:       
  urls:       
  status:     active
  type:       Handboek
  publisher:  
  date:       2020-08
  period:     
  level:      VO
  sha256:     
  size:       
  mime:       
  path:       
  versions:   

A document listed under every theme, ten times over, is one document:

  $ kennis -q --home lib show "Servicedocument Delen van persoonsgegevens tussen onderwijs en zorg" --format json | jq -c '[.id, .themes]'
  [7,["Verzuim 18-","Verzuim 18+","Thuiszitters","Voortijdig schoolverlaten","Jongeren 16-27"]]

An alias finds its document; case, accents and punctuation do not matter:

  $ kennis -q --home lib show "Download de handreiking Focus op onderwijstraject" --format json | jq -r .title
  Handreiking Focus op onderwijstraject
  $ kennis -q --home lib show "de route van school naar werk en verder" --format json | jq -r .title
  De route van school naar werk én verder

Nothing by that name: exit 1, and the closest titles:

  $ kennis -q --home lib show "Dit document bestaat niet"
  kennis: error: no document 'Dit document bestaat niet'
  [1]
  $ kennis -q --home lib show "Handboek Leerplicht augustus 2020"
  kennis: error: no document 'Handboek Leerplicht augustus 2020'
  Closest titles:
    PO Handboek Leerplicht versie augustus 2020
    VO Handboek Leerplicht versie augustus 2020
    MBO Handboek Leerplicht versie augustus 2020
    (V)SO Handboek Leerplicht versie augustus 2020
    MAS model proces-verbaal Leerplicht - april 2020
  [1]
