A library fetched from a stand-in Kennisbank on 127.0.0.1:

  $ kennis_test_server --port-file port --lifetime 60 &
  $ PORT=$(await-port port); URL=http://127.0.0.1:$PORT
  $ kennis --home lib sync --source $URL/kennisbank --fetch -q
  $ kennis --home lib verify
  catalogue intact; 121 stored files checked, 0 missing, 0 damaged

One stored file loses a byte's worth of sense, another disappears; verify names both and fails:

  $ one=$(kennis --home lib show 12 --format json | jq -r .path); two=$(kennis --home lib show 14 --format json | jq -r .path)
  $ chmod u+w "$one"; printf 'X' | dd of="$one" bs=1 seek=20 conv=notrunc status=none; rm "$two"
  $ kennis --home lib verify > out; echo "exit $?"
  exit 1
  $ grep -E '^(damaged|missing)' out | sed -E "s|$PWD/||; s|[0-9a-f]{2}/[0-9a-f]{62}|…|" | sort
  damaged    lib/store/sha256/…  documents 12
  missing    lib/store/sha256/…  documents 14
  $ tail -2 out
  catalogue intact; 121 stored files checked, 1 missing, 1 damaged
  kennis verify --repair fetches the missing and damaged files again

--repair fetches both again from their download address, and verify is clean:

  $ kennis --home lib verify --repair --format json | jq -c '{ok, repaired, problems: [.problems[].repair]}'
  {"ok":true,"repaired":2,"problems":["restored","restored"]}
  $ kennis --home lib verify -q; echo "exit $?"
  exit 0

A file no document uses (as a killed fetch can leave) is untidy, not wrong; gc removes it:

  $ mkdir -p lib/store/sha256/ab && echo stray > lib/store/sha256/ab/$(printf 'c%.0s' $(seq 62))
  $ kennis --home lib verify | tail -1
  1 stored files no document uses (left by an interrupted fetch or a merge); kennis gc removes them
  $ kennis --home lib gc --dry-run | tail -1
  would remove 1 stored files (0.0 MB); nothing was changed
  $ kennis --home lib gc --format json | jq -c '{removed, dry_run}'
  {"removed":1,"dry_run":false}
  $ kennis --home lib verify --format json | jq -c '{ok, unreferenced}'
  {"ok":true,"unreferenced":[]}
