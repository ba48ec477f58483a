#!/usr/bin/env bash
# The list-query probe of docs/BENCHMARKS.md ("List queries at 20,000 articles"): builds a SQLite database with the
# 0001 schema and a generated corpus (generate.sql), prints EXPLAIN QUERY PLAN and the best of five warm timings for
# each query in queries-before.sql, applies db/sqlite/0002_read_path.sql to a copy and does the same for
# queries-after.sql. Run by hand (Debian's sqlite3 CLI); never part of the test suite.
#   bash tools/query-plans/probe.sh [articles=20000] [themes=400] [organisations=740]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
articles="${1:-20000}"; themes="${2:-400}"; organisations="${3:-740}"
work="${TMPDIR:-/tmp}/kennishub-query-plans"
mkdir -p "$work"
before="$work/before-$articles.db"; after="$work/after-$articles.db"

if [ ! -f "$before" ]; then
  echo "Genereren: $articles kennisartikelen, $themes thema's, $organisations organisaties ..." >&2
  rm -f "$before"*
  sqlite3 "$before" < "$root/db/sqlite/0001_initial.sql"
  sqlite3 -cmd ".parameter set @Articles $articles" -cmd ".parameter set @Themes $themes" \
    -cmd ".parameter set @Organisations $organisations" "$before" < "$here/generate.sql" >/dev/null
fi
rm -f "$after"*
sqlite3 "$before" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$before" "$after"
( echo "BEGIN;"; cat "$root/db/sqlite/0002_read_path.sql"; echo "COMMIT;" ) | sqlite3 "$after"

echo "SQLite $(sqlite3 --version | cut -d' ' -f1); $articles articles; before: $(du -h "$before" | cut -f1), after: $(du -h "$after" | cut -f1) (no VACUUM)"

# Each query file: blocks of "-- name: ..." then one statement ending in ';' (parameters as .parameter set lines).
run() {
  local database="$1" queries="$2"
  awk -v RS= '{ print; printf "%c", 0 }' "$queries" | while IFS= read -r -d '' block; do
    name="$(sed -n 's/^-- name: //p' <<<"$block")"
    [ -n "$name" ] || continue
    statement="$(grep -v '^-- ' <<<"$block" | grep -v '^\.parameter' || true)"
    parameters="$(grep '^\.parameter' <<<"$block" || true)"
    echo
    echo "### $name"
    { echo "$parameters"; echo "EXPLAIN QUERY PLAN $statement"; } | sqlite3 "$database" | sed 's/^/    /'
    best="$({ echo "$parameters"; echo ".output /dev/null"; echo ".timer on"
              for _ in 1 2 3 4 5 6; do echo "$statement"; done; } | sqlite3 "$database" \
            | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | tail -5 | sort -n | head -1)"
    echo "    best of 5: $(awk -v s="$best" 'BEGIN { printf "%.1f ms", s * 1000 }')"
  done
}

echo; echo "## Before (0001)"; run "$before" "$here/queries-before.sql"
echo; echo "## After (0002)"; run "$after" "$here/queries-after.sql"
