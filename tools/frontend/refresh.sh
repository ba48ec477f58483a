#!/usr/bin/env bash
# Re-fetches the pinned front-end packages (package.json, package-lock.json) and copies their dist files,
# with their licences, into src/KennisHub.Web/wwwroot/lib. Run it by hand after changing a version; the
# build never runs node: the copied files are committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lib="$here/../../src/KennisHub.Web/wwwroot/lib"
cd "$here"
npm ci --ignore-scripts --no-audit --no-fund
nm="$here/node_modules"

rm -rf "$lib"
mkdir -p "$lib"


# Utrecht's component library: index.css (components) and html.css (plain HTML inside .utrecht-html).
dest="$lib/utrecht-component-library-css"; mkdir -p "$dest"
cp "$nm/@utrecht/component-library-css/dist/index.css" "$nm/@utrecht/component-library-css/dist/html.css" "$dest/"
cp "$nm/@utrecht/component-library-css/LICENSE.md" "$dest/"

# The NL Design System candidate components, each its own package.
for name in button code heading link paragraph skip-link; do
  dest="$lib/nl-design-system-candidate/$name-css"; mkdir -p "$dest"
  cp "$nm/@nl-design-system-candidate/$name-css/dist/$name.css" "$nm/@nl-design-system-candidate/$name-css/LICENSE.md" "$dest/"
done

# Design tokens: the EUPL "voorbeeld" theme copied as our own KennisHub theme (class .kennishub-theme).
# Utrecht's and Amsterdam's tokens are reserved for those cities by their licences: never use them.
dest="$lib/kennishub-theme"; mkdir -p "$dest"
sed 's/\.voorbeeld-theme/.kennishub-theme/g' "$nm/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css" > "$dest/theme.css"
cp "$nm/@nl-design-system-unstable/voorbeeld-design-tokens/LICENSE.md" "$dest/"
version=$(node -p "require('$nm/@nl-design-system-unstable/voorbeeld-design-tokens/package.json').version")
printf 'Copied from @nl-design-system-unstable/voorbeeld-design-tokens %s (EUPL-1.2, see LICENSE.md),\nwith the selector .voorbeeld-theme renamed to .kennishub-theme.\n' "$version" > "$dest/README.md"

# Self-hosted Noto Sans (OFL-1.1): Latin (covers Dutch), regular and bold, upright and italic.
dest="$lib/fontsource-noto-sans"; mkdir -p "$dest/files"
for face in 400 700 400-italic 700-italic; do
  cp "$nm/@fontsource/noto-sans/latin-$face.css" "$dest/"
done
cp "$nm"/@fontsource/noto-sans/files/noto-sans-latin-{400,700}-{normal,italic}.woff* "$dest/files/"
cp "$nm/@fontsource/noto-sans/LICENSE" "$dest/"

# htmx 2.0.x (not 4.x: a breaking rewrite), for pages that want partial updates.
dest="$lib/htmx"; mkdir -p "$dest"
cp "$nm/htmx.org/dist/htmx.min.js" "$nm/htmx.org/LICENSE" "$dest/"

# One stylesheet with only the NL Design System rules and tokens the site uses (see bundle.mjs).
node "$here/bundle.mjs"

echo "Bijgewerkt: $lib"
