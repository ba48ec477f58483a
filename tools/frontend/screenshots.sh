#!/usr/bin/env bash
# Takes the screenshots for docs/ACCESSIBILITY.md with the browser-test setup (the real site, Debian's Chromium):
# home and an article on a desktop (1280 wide) and a phone (390 wide), the sign-in page with a validation error
# and an article's print preview; copies them to docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet test tests/KennisHub.Browser.Tests --filter "FullyQualifiedName~ScreenshotJourneys"
mkdir -p docs/screenshots
for name in home-desktop home-phone article-desktop article-phone signin-error article-print; do
    cp "TestResults/screenshots/pages/$name.png" docs/screenshots/
    echo "docs/screenshots/$name.png"
done
