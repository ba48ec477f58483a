// The Dutch slug rules of Core/Content/Slugs.Slugify, mirrored for the browser so the editor can propose a slug
// while the title is typed. Keep the two in step: the browser test SlugRulesJourneys compares them on Dutch titles.
// Decompose (NFD), drop non-spacing marks, lower-case, keep a-z and 0-9; apostrophes vanish ("'s-Hertogenbosch"),
// every other run of characters becomes one hyphen, never at the start or the end.
const nonSpacingMark = /^\p{Mn}$/u;

export function slugify(text) {
  const decomposed = String(text).normalize("NFD");
  let slug = "";
  let pendingHyphen = false;
  // Per UTF-16 code unit, as C# walks a string: a character outside the BMP is two units, both separators.
  for (let i = 0; i < decomposed.length; i++) {
    const c = decomposed.charAt(i);
    if (nonSpacingMark.test(c)) {
      continue;
    }
    const lower = c.length === 1 && c.toLowerCase().length === 1 ? c.toLowerCase() : c;
    if ((lower >= "a" && lower <= "z") || (lower >= "0" && lower <= "9")) {
      if (pendingHyphen && slug.length > 0) {
        slug += "-";
      }
      slug += lower;
      pendingHyphen = false;
    } else if (lower !== "'" && lower !== "\u2019") {
      pendingHyphen = true;
    }
  }
  return slug;
}
