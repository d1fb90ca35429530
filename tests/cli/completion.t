`source <(kennis completion bash)` completes commands, options, and the themes, tags and
documents of the library being used:

  $ kennis --home lib themes -q > /dev/null 2>&1
  $ kennis --home lib tag add regio/zaanstad 12 -q
  $ source <(kennis completion bash)
  $ t() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _kennis; printf '%s\n' "${COMPREPLY[@]}"; }
  $ t kennis se
  search
  $ t kennis export --li
  --limit
  --link
  $ t kennis tag ""
  add
  rm
  list
  rename
  $ t kennis --home lib list --theme Ver
  Verzuim\ 18-
  Verzuim\ 18+
  $ t kennis --home lib search --tag re
  regio/zaanstad
  $ t kennis --home lib show vo-handboek-leerplicht-versie-a
  vo-handboek-leerplicht-versie-augustus-2020
  $ t kennis --home lib diff 12 vo-handboek-leerplicht-versie-a
  vo-handboek-leerplicht-versie-augustus-2020

The hidden helper the scripts call is not a command anyone sees:

  $ kennis --help | grep -c __complete
  0
  [1]

zsh loads the same completion; fish has its own, and both parse:

  $ kennis completion zsh > c.zsh && zsh -n c.zsh && echo ok
  ok
  $ kennis completion fish > c.fish && fish -n c.fish && echo ok
  ok
  $ KENNIS_HOME=lib fish -c 'source c.fish; complete -C "kennis list --theme Thu"; complete -C "kennis verif"'
  Thuiszitters
  verify	Check the catalogue and re-hash every stored file
