Settings come from the command line, else the config file ($XDG_CONFIG_HOME/kennis/config.toml,
or --config FILE), else the built-in defaults. `kennis config` shows each setting in effect and
where it came from. With no config file:

  $ export XDG_CONFIG_HOME=$PWD/cfg KENNIS_HOME=$PWD/lib
  $ kennis config fetch --format tsv | sed "s|$PWD|\$TESTDIR|"
  setting	value	source
  config	$TESTDIR/cfg/kennis/config.toml (not found)	$XDG_CONFIG_HOME
  fetch.missing	off	default
  fetch.all	off	default
  fetch.refresh	off	default
  fetch.jobs	4	default
  fetch.max-size	1073741824	default
  fetch.ocr	auto	default
  fetch.ocr-timeout	120	default
  fetch.connect-timeout	30	default
  fetch.stall-timeout	60	default
  fetch.retries	3	default

A team's file: global options at the top, a command's options under [COMMAND]:

  $ mkdir -p cfg/kennis && printf 'format = "tsv"\nwait = 600\n[sync]\nsource = ["https://ingrado.nl/kennisbank", "extra.tsv"]\n[fetch]\njobs = 8\n[export]\nlink = "copy"\nmax-delete = 200\n' > cfg/kennis/config.toml
  $ kennis config | grep -v -P '\t(off|\(none\))\tdefault$' | sed "s|$PWD|\$TESTDIR|"
  setting	value	source
  config	$TESTDIR/cfg/kennis/config.toml	$XDG_CONFIG_HOME
  home	$TESTDIR/lib	$KENNIS_HOME
  format	tsv	config file
  wait	600	config file
  list.status	active	default
  sync.source	https://ingrado.nl/kennisbank, extra.tsv	config file
  sync.default-source	https://ingrado.nl/kennisbank	default
  sync.jobs	4	default
  sync.connect-timeout	30	default
  sync.stall-timeout	60	default
  sync.retries	3	default
  fetch.jobs	8	config file
  fetch.max-size	1073741824	default
  fetch.ocr	auto	default
  fetch.ocr-timeout	120	default
  fetch.connect-timeout	30	default
  fetch.stall-timeout	60	default
  fetch.retries	3	default
  search.status	active	default
  export.by	theme	default
  export.link	copy	config file
  export.status	active	default
  export.max-delete	200	config file
  export.news-days	30	default
  dupes.similarity	0.6	default
  verify.jobs	4	default
  verify.connect-timeout	30	default
  verify.stall-timeout	60	default
  verify.retries	3	default

The command line wins over the file; the file's format applies to every command:

  $ kennis --format json --home elsewhere config export | jq -c '.[] | select(.setting == "export.link" or .setting == "config") | [.setting, .source]'
  ["config","$XDG_CONFIG_HOME"]
  ["export.link","config file"]
  $ kennis --format json --home elsewhere config | jq -c '.[] | select(.setting == "home" or .setting == "format")'
  {"setting":"home","value":"elsewhere","source":"command line"}
  {"setting":"format","value":"json","source":"command line"}
  $ kennis -q themes | head -2
  name	documents	entries
  Verzuim 18-	71	99

A value the file gets wrong is a usage error that names it; so is a file that --config names and
that does not exist:

  $ printf '[fetch]\njobs = 0\n' > bad.toml
  $ kennis --config bad.toml fetch
  ! kennis: error: --jobs: Value 0 not in range 1 to 64
  ! Run 'kennis fetch --help' for usage.
  [2]
  $ kennis --config missing.toml config
  ! kennis: error: missing.toml was not readable (missing?)
  ! Run 'kennis config --help' for usage.
  [2]
