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
  macros:     no
  versions:   
  related:    1.00 9 PO Handboek Leerplicht versie augustus 2020
              1.00 12 MBO Handboek Leerplicht versie augustus 2020
              0.99 11 (V)SO Handboek Leerplicht versie augustus 2020
              0.28 99 Handboek Jongerenloket Zaanstad
              0.27 25 Notitie Schorsen en verwijderen Passend Onderwijs - Ingrado, augustus 2016

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
  ! kennis: error: no document 'Dit document bestaat niet'
  [1]
  $ kennis -q --home lib show "Handboek Leerplicht augustus 2020"
  ! kennis: error: no document 'Handboek Leerplicht augustus 2020'
  ! Closest titles:
  !   PO Handboek Leerplicht versie augustus 2020
  !   VO Handboek Leerplicht versie augustus 2020
  !   MBO Handboek Leerplicht versie augustus 2020
  !   (V)SO Handboek Leerplicht versie augustus 2020
  !   MAS model proces-verbaal Leerplicht - april 2020
  [1]

Titles that differ only in their date or version are editions of one publication. `show` names
the others and says when a newer one exists; `list --latest` and `search --latest` leave out the
older ones:

  $ printf '#kennis-snapshot 1\nLeerplicht\tVO Handboek Leerplicht versie augustus 2020\nLeerplicht\tVO Handboek Leerplicht versie augustus 2024\nLeerplicht\tPO Handboek Leerplicht versie augustus 2020\n' > editions.tsv
  $ kennis -q --home ed sync --source editions.tsv
  $ kennis -q --home ed show "VO Handboek Leerplicht versie augustus 2020" | grep -E '^(title|editions|newer_edition):'
  title:         VO Handboek Leerplicht versie augustus 2020
  editions:      2024-08 vo-handboek-leerplicht-versie-augustus-2024
  newer_edition: yes: vo-handboek-leerplicht-versie-augustus-2024 (2024-08); kennis show 2
  $ kennis -q --home ed show 2 --format json | jq -c '{editions: [.editions[] | {slug, date, newer}], newer_edition}'
  {"editions":[{"slug":"vo-handboek-leerplicht-versie-augustus-2020","date":"2020-08","newer":false}],"newer_edition":null}
  $ kennis -q --home ed list --latest --format json | jq -r '.[].title'
  VO Handboek Leerplicht versie augustus 2024
  PO Handboek Leerplicht versie augustus 2020
  $ kennis -q --home ed search handboek --latest --format json | jq -r '.[].slug'
  vo-handboek-leerplicht-versie-augustus-2024
  po-handboek-leerplicht-versie-augustus-2020
