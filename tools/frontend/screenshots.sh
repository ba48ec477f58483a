#!/usr/bin/env bash
# Takes the home page screenshots (desktop 1280 wide, phone 390 wide) with the browser-test setup (the real
# site, Debian's Chromium) and copies them to docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet test tests/KennisHub.Browser.Tests --filter "FullyQualifiedName~ScreenshotJourneys"
mkdir -p docs/screenshots
cp TestResults/screenshots/pages/home-desktop.png TestResults/screenshots/pages/home-phone.png docs/screenshots/
echo "docs/screenshots/home-desktop.png, docs/screenshots/home-phone.png"
