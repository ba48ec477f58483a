#!/usr/bin/env bash
# Runs every KennisHub test: unit, data, component, web and browser tests, in one go.
# Installs what the tests need and a fresh machine lacks (Debian's Chromium for the browser tests),
# then prints one closing line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Chromium ontbreekt: installeren uit Debian (apt-get install chromium)..."
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

results="TestResults"
rm -rf "$results"
status=0
# Build everything once, then run each test project on its own: `dotnet test KennisHub.sln` stops starting new
# projects after the first failing one, so a red web test used to hide whether the browser tests passed at all.
if dotnet build KennisHub.sln -nologo -v quiet; then
  for project in tests/*.Tests/*.Tests.csproj; do
    dotnet test "$project" --no-build --logger "trx" --results-directory "$results" "$@" || status=$?
  done
else
  status=1
  echo "De build is mislukt: geen test gedraaid."
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
# Every skip says why: print each distinct reason once (e.g. no SQL Server here), then the closing line.
cat "$results"/*.trx 2>/dev/null | tr '\n' ' ' \
  | grep -o 'outcome="NotExecuted"[^>]*>[[:space:]]*<Output>[[:space:]]*<ErrorInfo>[[:space:]]*<Message>[^<]*' \
  | sed 's/.*<Message>//' | sort | uniq -c | sed 's/^ *\([0-9]*\) /skipped (\1 tests): /' || true
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
