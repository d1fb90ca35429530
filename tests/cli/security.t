A title that ends in a right-to-left override (U+202E) and "fdp" would show as "… exe.pdf" in a
Windows folder. kennis shows such characters on a terminal instead of obeying them:

  $ printf '#kennis-snapshot 1\nThema\tHandboek Leerplicht 2025 \342\200\256fdp.exe\nThema\tGewoon handboek\n' > spoof.tsv
  $ kennis --home lib sync --source spoof.tsv -q
  $ kennis --home lib list
  ID  TITLE                                     TYPE      DATE  THEMES
  1   Handboek Leerplicht 2025 <U+202E>fdp.exe  Handboek  2025  Thema
  2   Gewoon handboek                           Handboek        Thema

export --check reports the names on a share that Windows reserves for devices, also the ones with
superscript digits and the console's, names with invisible format characters, and names that end
in a program's extension:

  $ mkdir share && cd share && touch 'COM¹.pdf' 'LPT².pdf' 'CONIN$.pdf' 'CONOUT$' 'Rapport.pdf' && cd ..
  $ printf 'x' > "share/Handboek $(printf '\342\200\256')fdp.exe"
  $ kennis export --check share
  COM¹.pdf: the name is a name Windows reserves for a device
  CONIN$.pdf: the name is a name Windows reserves for a device
  CONOUT$: the name is a name Windows reserves for a device
  Handboek <U+202E>fdp.exe: the name contains U+202E, an invisible character that can change how the name reads
  LPT².pdf: the name is a name Windows reserves for a device
  5 names that Windows clients cannot open
  [1]

Which other types kennis keeps and exports is the administrator's to say, in the config file; the
command line, where a script fed by a page could add one, cannot:

  $ kennis --home lib --allow-types application/zip stats
  ! kennis: error: --allow-types can only be set in the config file (allow-types = ["application/zip"] at its top)
  [2]
  $ printf 'allow-types = ["application/zip"]\n' > admin.toml
  $ kennis --home lib --config admin.toml config | grep allow-types
  allow-types              application/zip                config file
