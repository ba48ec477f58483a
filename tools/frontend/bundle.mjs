// Bundles the vendored NL Design System CSS into one stylesheet with only the rules KennisHub uses:
// src/KennisHub.Web/wwwroot/lib/bundle/nl-design-system.css. Run by refresh.sh (and by hand after using a new
// utrecht-* or nl-* class in markup); the output is committed, so building and running need no node.
//
// 1. Component CSS (Utrecht index.css, the candidates) keeps only selectors whose classes appear in src/
//    (Razor pages and components, tag helpers, the Markdown pipeline, site.js).
// 2. Utrecht's html.css is kept whole: it styles whatever HTML a Markdown text holds, which markup cannot predict.
// 3. The design tokens keep only the custom properties some kept rule (or site.css/print.css) uses, followed
//    transitively through var() references.
// 4. lightningcss minifies; the licence comments of every source stay (/*! ... */ survives minification).
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PurgeCSS } from "purgecss";
import { transform } from "lightningcss";
import postcss from "postcss";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const web = path.join(root, "src/KennisHub.Web");
const lib = path.join(web, "wwwroot/lib");
const out = path.join(lib, "bundle");

const read = (file) => readFile(path.join(lib, file), "utf8");
const fonts = ["latin-400", "latin-700", "latin-400-italic"].map((face) => `fontsource-noto-sans/${face}.css`);
const components = [
  "utrecht-component-library-css/index.css",
  ...["skip-link", "link", "heading", "paragraph", "button", "code"].map((name) => `nl-design-system-candidate/${name}-css/${name}.css`),
];
const content = [
  `${web}/Pages/**/*.cshtml`,
  `${web}/**/*.cs`,
  `${web}/wwwroot/js/*.js`,
  `${root}/src/KennisHub.Components/**/*.razor`,
  `${root}/src/KennisHub.Components/**/*.cs`,
  `${root}/src/KennisHub.Core/Markdown/*.cs`,
].map((glob) => glob.replaceAll("\\", "/"));

// Class names: letters, digits, dashes and underscores (utrecht-button--primary-action, kh-align-left).
const extractor = (text) => text.match(/[A-Za-z0-9_-]+/g) ?? [];

const purgedComponents = await new PurgeCSS().purge({
  content,
  css: await Promise.all(components.map(async (file) => ({ raw: await read(file), name: file }))),
  defaultExtractor: extractor,
  // States and the theme class are set by the browser or on <html>, not always written in markup.
  safelist: { standard: ["kennishub-theme", /^utrecht-html$/], deep: [/:focus/, /:hover/, /:active/] },
});

const html = await read("utrecht-component-library-css/html.css");
const theme = await read("kennishub-theme/theme.css");
const own = await Promise.all(["css/site.css", "css/print.css"].map((file) => readFile(path.join(web, "wwwroot", file), "utf8")));

// Custom properties used by what is kept, followed through var() chains inside the theme.
const themeRoot = postcss.parse(theme);
const definitions = new Map();
themeRoot.walkDecls(/^--/, (decl) => definitions.set(decl.prop, (definitions.get(decl.prop) ?? "") + decl.value));
const references = (css) => [...css.matchAll(/var\(\s*(--[A-Za-z0-9_-]+)/g)].map((m) => m[1]);
const used = new Set();
const queue = [...purgedComponents.map((result) => result.css), html, ...own].flatMap(references);
while (queue.length > 0) {
  const name = queue.pop();
  if (used.has(name)) continue;
  used.add(name);
  queue.push(...references(definitions.get(name) ?? ""));
}
themeRoot.walkDecls(/^--/, (decl) => {
  if (!used.has(decl.prop)) decl.remove();
});
themeRoot.walkComments((comment) => comment.remove());
const trimmedTheme = themeRoot.toString();

const fontCss = (await Promise.all(fonts.map(read))).join("\n").replaceAll("url(./files/", "url(../fontsource-noto-sans/files/");
// Every distinct licence notice of the sources, kept in the header (minifying drops comments inside the CSS).
const notices = new Set();
for (const file of [...components, "utrecht-component-library-css/html.css", "kennishub-theme/theme.css"]) {
  for (const m of (await read(file)).matchAll(/\/\*\*?\s*\n\s*\* @license[\s\S]*?\*\//g)) {
    notices.add(m[0].replace(/^\/\*\*?/, "").replace(/\*\/$/, "").split("\n").map((line) => line.replace(/^\s*\*\s?/, " *  ").trimEnd()).filter((line) => !["", "*"].includes(line.trim())).join("\n"));
  }
}
const sources = [
  "/*! KennisHub: NL Design System CSS, bundled by tools/frontend/bundle.mjs from the packages in tools/frontend/package.json.",
  " *  Noto Sans (@fontsource/noto-sans, OFL-1.1, lib/fontsource-noto-sans/LICENSE);",
  " *  design tokens (@nl-design-system-unstable/voorbeeld-design-tokens, EUPL-1.2, lib/kennishub-theme/LICENSE.md);",
  " *  @utrecht/component-library-css and @nl-design-system-candidate/*-css (EUPL-1.2, LICENSE.md beside each in lib/).",
  " *  Their notices:",
  ...notices,
  " */",
].join("\n");
const bundle = [fontCss, trimmedTheme, ...purgedComponents.map((result) => result.css), html].join("\n");

const { code } = transform({ filename: "nl-design-system.css", code: Buffer.from(bundle), minify: true });
await mkdir(out, { recursive: true });
await writeFile(path.join(out, "nl-design-system.css"), `${sources}\n${code}`);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
for (const [name, css] of [["theme", trimmedTheme], ["components", purgedComponents.map((r) => r.css).join("")], ["html.css", html]]) {
  console.log(`  ${name}: ${kb(Buffer.byteLength(css))} unminified`);
}
console.log(`nl-design-system.css: ${kb(code.length)} (from ${kb(Buffer.byteLength(bundle))} before minifying; ${used.size} of ${definitions.size} tokens kept)`);
