#!/usr/bin/env bash
# Starts the production server for the end-to-end tests on a scratch copy of corpus/ (uploads and lexicon edits
# in the tests never touch the repository), with an admin token and its own snapshot store.
set -euo pipefail
port="${1:?port}"
root="$(mktemp -d "${TMPDIR:-/tmp}/framescope-e2e.XXXXXX")"
cp -r corpus "$root/corpus"
# "scratch" is the corpus the upload tests write to: one VOA article from the seeds to start with.
mkdir -p "$root/corpus/scratch/articles"
cat > "$root/corpus/scratch/corpus.json" <<JSON
{ "id": "scratch", "title": "Scratch corpus for upload tests", "description": "Written to by e2e tests.", "attribution": null,
  "outlets": [{ "id": "voa", "name": "VOA", "kind": "state broadcaster", "country": "United States", "site": "voanews.com" }], "outletGroups": [] }
JSON
sed '/^raw: /d' corpus/seeds/articles/voa-2016-10-21-cooperation.txt > "$root/corpus/scratch/articles/voa-2016-10-21-cooperation.txt"
# "lexscratch" is the lexicon editor's own copy (e2e/lexicon-editor.spec.ts saves lexicons to it, beside the upload tests).
mkdir -p "$root/corpus/lexscratch/articles"
sed 's/"id": "scratch", "title": "Scratch corpus for upload tests"/"id": "lexscratch", "title": "Scratch corpus for lexicon edits"/' \
  "$root/corpus/scratch/corpus.json" > "$root/corpus/lexscratch/corpus.json"
cp "$root/corpus/scratch/articles/voa-2016-10-21-cooperation.txt" "$root/corpus/lexscratch/articles/"
# "pgshared" is the two-instance spec's own corpus (e2e/shared-pg.spec.ts uploads to it through one server and reads
# it through another; with the files backend that spec is skipped).
mkdir -p "$root/corpus/pgshared/articles"
sed 's/"id": "scratch", "title": "Scratch corpus for upload tests"/"id": "pgshared", "title": "Shared by two servers"/' \
  "$root/corpus/scratch/corpus.json" > "$root/corpus/pgshared/corpus.json"
cp "$root/corpus/scratch/articles/voa-2016-10-21-cooperation.txt" "$root/corpus/pgshared/articles/"
# "broken" holds one readable article and one file that is not: the corpus must still serve, naming the bad file.
mkdir -p "$root/corpus/broken/articles"
sed 's/"id": "scratch", "title": "Scratch corpus for upload tests"/"id": "broken", "title": "A corpus with an unreadable file"/' \
  "$root/corpus/scratch/corpus.json" > "$root/corpus/broken/corpus.json"
cp "$root/corpus/scratch/articles/voa-2016-10-21-cooperation.txt" "$root/corpus/broken/articles/"
printf 'id: voa-garbled\noutlet: voa\ntitle: T\n\nno section heading here\n' > "$root/corpus/broken/articles/voa-garbled.txt"
export FRAMESCOPE_URL="http://127.0.0.1:$port" FRAMESCOPE_CORPUS_ROOT="$root/corpus" FRAMESCOPE_SNAPSHOTS="$root/snapshots"
export FRAMESCOPE_AUDIT_LOG="$root/audit.jsonl" FRAMESCOPE_ADMIN_TOKEN="e2e-admin-token"
npx tsx scripts/build-if-stale.ts
# The corpora's analyses are made before the server starts, so no test meets a corpus still being analysed.
npx tsx scripts/prepare-store.ts
exec npx tsx scripts/serve.ts -p "$port" -H 127.0.0.1
