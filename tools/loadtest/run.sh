#!/usr/bin/env bash
# Load run for issue 15 (docs/BENCHMARKS.md): publishes the Release site, seeds a database per size with
# `seed-bulk` (kept for the next run), starts the site on a copy of it on loopback, and measures with wrk, side by
# side in one run: the static copy of an article page's exact bytes served by the same Kestrel (the ceiling), the
# article page, a theme page, /kennis page 1 and page 500, and the home page, anonymous and signed in. Prints a
# Markdown table (also written to $OUT/results.md): requests/s, p50/p99, non-2xx answers, each page as a share of
# the ceiling, and the site's resident memory (working set) after the run. Never part of the test suite.
#
#   bash tools/loadtest/run.sh                       # 1,000 and 100,000 articles, 10 s per page, 16 connections
#   SIZES="1000" DURATION=5s bash tools/loadtest/run.sh
#
# Settings (environment): SIZES, DURATION (wrk -d), CONNECTIONS (-c), THREADS (-t), MAX_REQUESTS (per page, all
# threads), PORT, OUT (work folder: publish output, databases, logs), RESEED=1 to seed again.
set -euo pipefail

SIZES=${SIZES:-"1000 100000"}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
MAX_REQUESTS=${MAX_REQUESTS:-1000000}
PORT=${PORT:-5080}
OUT=${OUT:-/tmp/kennishub-loadtest}
PASSWORD=${PASSWORD:-loadtest-wachtwoord-2026}
MEMBER=${MEMBER:-lid00003@bulk.kennishub.example}   # a Netwerklid made by seed-bulk
HOST=127.0.0.1                                      # loopback only: this script loads no other machine
BASE="http://$HOST:$PORT"

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
mkdir -p "$OUT"
site_pid=""

stop_site() {
  if [[ -n "$site_pid" ]] && kill -0 "$site_pid" 2>/dev/null; then
    kill "$site_pid" && wait "$site_pid" 2>/dev/null || true
  fi
  site_pid=""
}
trap stop_site EXIT

if ! command -v wrk >/dev/null; then
  echo "wrk ontbreekt: installeren uit de Debian-pakketten..." >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi

echo "Publiceren (Release)..." >&2
dotnet publish "$repo/src/KennisHub.Web" -c Release -o "$OUT/publish" --nologo -v quiet >&2
app="$OUT/publish/KennisHub.Web.dll"

# Production refuses to start without the public address (links in mail) and an AllowedHosts that admits it.
# The ceiling file is served from a folder of the run's own (LoadTest:CeilingFolder, see LoadTestCeiling.cs).
site_env=(ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning "Email__LinkBaseUrl=$BASE" "AllowedHosts=$HOST"
  "LoadTest__CeilingFolder=$OUT/ceiling")

start_site() { # $1 = database file
  # From the publish folder: the content root (and so wwwroot) is the working directory.
  (cd "$OUT/publish" && exec env "${site_env[@]}" Database__ConnectionString="Data Source=$1" \
    dotnet "$app" --urls "$BASE" >"$OUT/site.log" 2>&1) &
  site_pid=$!
  # Up to five minutes: a database seeded before a newer migration is migrated (and back-filled) on each copy.
  for _ in $(seq 1 600); do
    if curl -fsS "$BASE/health" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "De site start niet; zie $OUT/site.log" >&2
  exit 1
}

# The cookie header of a signed-in member: antiforgery token from the form, then the session cookie(s).
sign_in() {
  local page token cookies headers
  headers=$(mktemp)
  page=$(curl -fsS -D "$headers" "$BASE/account/inloggen")
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$page" | sed -n 1p | sed 's/.*value="//; s/"$//')
  cookies=$(grep -i '^set-cookie:' "$headers" | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r' | paste -sd ';' -)
  curl -sS -o /dev/null -D "$headers" -H "Cookie: $cookies" \
    --data-urlencode "Input.Email=$MEMBER" --data-urlencode "Input.Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/inloggen"
  local session
  session=$(grep -i '^set-cookie: *\.KennisHub\.Sessie' "$headers" | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r' | paste -sd ';' -)
  rm -f "$headers"
  if [[ -z "$session" ]]; then
    echo "Inloggen als $MEMBER mislukt" >&2
    exit 1
  fi
  echo "$session"
}

measure() { # $1 = path, $2 = optional cookie header; prints "requests rps p50 p99 non2xx errors"
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 2s -s "$here/report.lua")
  if [[ -n "${2:-}" ]]; then args+=(-H "Cookie: $2"); fi
  MAX_REQUESTS_PER_THREAD=$((MAX_REQUESTS / THREADS)) wrk "${args[@]}" "$BASE$1" | awk '/^RESULT/ { print $2, $3, $4, $5, $6, $7 }'
}

results="$OUT/results.md"
{
  echo "Machine: $(nproc) cores, load average at start $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$THREADS -c$CONNECTIONS -d$DURATION; $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$repo" rev-parse --short HEAD)"
  echo
  echo "| Articles | Page | Reader | Requests/s | p50 ms | p99 ms | Non-2xx | Share of ceiling |"
  echo "|---:|---|---|---:|---:|---:|---:|---:|"
} >"$results"
memory_lines=()

for size in $SIZES; do
  data="$OUT/db-$size"
  mkdir -p "$data"
  if [[ ! -f "$data/seeded.db" || "${RESEED:-0}" == 1 ]]; then
    rm -f "$data"/seeded.db*
    echo "Vullen met $size kennisartikelen..." >&2
    env "${site_env[@]}" Database__ConnectionString="Data Source=$data/seeded.db" dotnet "$app" seed-bulk \
      --articles "$size" --themes 2000 --organisations 400 --members 10000 --password "$PASSWORD" >"$data/seed.log" 2>&1
    grep -E '^Klaar' "$data/seed.log" >&2 || true
  fi
  # The site writes (keys, sign-in): it runs on a copy, so every run starts from the same seeded database.
  # Nothing has the seeded file open here, so a plain copy is consistent (and faster than the backup verb at 5 GB).
  rm -f "$data"/run.db*
  cp "$data/seeded.db" "$data/run.db"
  if [[ -f "$data/seeded.db-wal" ]]; then cp "$data/seeded.db-wal" "$data/run.db-wal"; fi

  start_site "$data/run.db"
  article=$(curl -fsS "$BASE/kennis" | grep -o 'href="/kennis/[a-z0-9-]*"' | sed -n 1p | sed 's/href="//; s/"$//')
  theme=$(curl -fsS "$BASE/themas" | grep -o 'href="/themas/[a-z0-9-]*"' | sed -n 1p | sed 's/href="//; s/"$//')
  # The ceiling: the article page's exact bytes as a static file from the same Kestrel.
  mkdir -p "$OUT/ceiling"
  curl -fsS "$BASE$article" -o "$OUT/ceiling/article.html"
  if [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/loadtest/article.html") != 200 ]]; then
    echo "De site serveert $OUT/ceiling/article.html niet als /loadtest/article.html: geen plafond te meten." >&2
    exit 1
  fi
  cookie=$(sign_in)

  declare -A ceiling=()
  run() { # $1 label, $2 path, $3 reader, $4 cookie
    read -r requests rps p50 p99 non2xx errors < <(measure "$2" "${4:-}")
    if [[ "$requests" == 0 ]]; then p50="-"; p99="> 2000 (none answered within wrk's 2 s timeout)"; fi
    local share="-"
    if [[ -n "${ceiling[rps]:-}" ]]; then share=$(awk -v a="$rps" -v b="${ceiling[rps]}" 'BEGIN { printf "%.1f%%", 100 * a / b }'); fi
    if [[ -z "${ceiling[rps]:-}" ]]; then ceiling[rps]=$rps; share="100%"; fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$size" "$1" "$3" "$rps" "$p50" "$p99" "$((non2xx + errors))" "$share" | tee -a "$results" >&2
  }
  run "static copy of the article (ceiling)" "/loadtest/article.html" "-"
  for reader in anonymous signed-in; do
    c=""; [[ $reader == signed-in ]] && c=$cookie
    run "article \`$article\`" "$article" "$reader" "$c"
    run "theme \`$theme\`" "$theme" "$reader" "$c"
    run "/kennis page 1" "/kennis" "$reader" "$c"
    run "/kennis page 500" "/kennis?pagina=500" "$reader" "$c"
    run "home /" "/" "$reader" "$c"
  done
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$site_pid/status")
  db_size=$(du -m "$data/run.db" | cut -f1)
  memory_lines+=("- $size articles: working set (RSS) after the run $rss MB; database $db_size MB")
  stop_site
  unset ceiling
done

{ echo; printf '%s\n' "${memory_lines[@]}"; } >>"$results"
cat "$results"
