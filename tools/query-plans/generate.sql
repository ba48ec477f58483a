-- Fills a KennisHub SQLite schema (0001) with a generated corpus for the list-query probe: Dutch-looking titles,
-- bodies of a realistic size (~2,000 words: ~14 KB Markdown, ~16 KB HTML, ~13 KB text), 70% public, 25% network,
-- 5% atelier articles over three years, 1-3 themes and 3 keywords each. Sizes come from the .parameter values
-- @Articles, @Themes, @Organisations set by probe.sh. Not the seed-bulk corpus: only what the query plans need.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
CREATE TEMP TABLE Words (N INTEGER PRIMARY KEY, Word TEXT NOT NULL);
INSERT INTO Words (Word) VALUES ('beheer'), ('openbare'), ('ruimte'), ('groen'), ('bomen'), ('riolering'), ('wegen'),
  ('verharding'), ('klimaatadaptatie'), ('hittestress'), ('wateroverlast'), ('gemeente'), ('inwoners'), ('participatie'),
  ('onderhoud'), ('beeldkwaliteit'), ('CROW'), ('areaal'), ('bestek'), ('aanbesteding'), ('speelplekken'), ('biodiversiteit'),
  ('bermen'), ('maaibeleid'), ('straatmeubilair'), ('verlichting'), ('kunstwerken'), ('bruggen'), ('kademuren'), ('budget');
CREATE TEMP TABLE Seq (N INTEGER PRIMARY KEY);
WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < max(@Articles, 2000)) INSERT INTO Seq SELECT n FROM s;
-- One long paragraph of sector words, repeated to body size.
CREATE TEMP TABLE Paragraph AS
SELECT group_concat((SELECT Word FROM Words WHERE Words.N = 1 + (Seq.N * 7919) % 30), ' ') AS Text FROM Seq WHERE Seq.N <= 140;

INSERT INTO Organisations (Id, Slug, Name, Kind, CbsCode, Province, Inhabitants, Website, DescriptionMarkdown, DescriptionHtml, CreatedAt, UpdatedAt, Version)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       'organisatie-' || s.N, 'Organisatie ' || (SELECT Word FROM Words WHERE Words.N = 1 + s.N % 30) || ' ' || s.N,
       CASE s.N % 7 WHEN 0 THEN 'Network' WHEN 1 THEN 'Knowledge' WHEN 2 THEN 'Education' WHEN 3 THEN 'Consultancy'
                  WHEN 4 THEN 'Sponsor' WHEN 5 THEN 'Government' ELSE 'Municipality' END,
       NULL, CASE WHEN s.N % 7 = 6 THEN 'Provincie ' || (s.N % 12) END, s.N * 100, NULL, 'Over ons.', '<p>Over ons.</p>',
       '2024-01-01T00:00:00.0000000Z', '2024-01-01T00:00:00.0000000Z', 1
FROM Seq s WHERE s.N <= @Organisations;

INSERT INTO Themes (Id, Slug, Title, Summary, BodyMarkdown, BodyHtml, BodyText, Visibility, CurrentRevision, CreatedById, CreatedAt, UpdatedAt, Version)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       'thema-' || s.N, 'Thema ' || (SELECT Word FROM Words WHERE Words.N = 1 + (s.N * 13) % 30) || ' ' || s.N, 'Samenvatting van het thema.',
       (SELECT Text FROM Paragraph), '<p>' || (SELECT Text FROM Paragraph) || '</p>', (SELECT Text FROM Paragraph),
       CASE WHEN s.N % 10 = 0 THEN 'Atelier' WHEN s.N % 4 = 0 THEN 'Network' ELSE 'Public' END, 1, NULL,
       strftime('%Y-%m-%dT%H:%M:%S.0000000Z', '2023-01-01', '+' || (s.N * 7919 % 1000) || ' days'),
       strftime('%Y-%m-%dT%H:%M:%S.0000000Z', '2023-01-01', '+' || (s.N * 7919 % 1000) || ' days', '+' || (s.N % 86400) || ' seconds'), 1
FROM Seq s WHERE s.N <= @Themes;

INSERT INTO Articles (Id, Slug, Title, Summary, BodyMarkdown, BodyHtml, BodyText, Visibility, OrganisationId, AuthorId, AuthorName, CurrentRevision, CreatedAt, UpdatedAt, Version)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       'artikel-' || s.N, 'Kennisartikel over ' || (SELECT Word FROM Words WHERE Words.N = 1 + (s.N * 31) % 30) || ' ' || s.N,
       'Wat gemeente ' || s.N || ' leerde over ' || (SELECT Word FROM Words WHERE Words.N = 1 + s.N % 30) || ' en het beheer van de openbare ruimte.',
       replace(printf('%.*c', 14, 'x'), 'x', (SELECT Text FROM Paragraph) || char(10) || char(10)),
       replace(printf('%.*c', 14, 'x'), 'x', '<p>' || (SELECT Text FROM Paragraph) || '</p>' || char(10)),
       replace(printf('%.*c', 12, 'x'), 'x', (SELECT Text FROM Paragraph) || ' '),
       CASE WHEN s.N % 20 = 0 THEN 'Atelier' WHEN s.N % 4 = 0 THEN 'Network' ELSE 'Public' END,
       (SELECT Id FROM Organisations WHERE Slug = 'organisatie-' || (1 + (s.N * 7) % @Organisations)), NULL, 'Auteur ' || (s.N % 500), 1,
       strftime('%Y-%m-%dT%H:%M:%S.0000000Z', '2023-01-01', '+' || (s.N * 7919 % 1095) || ' days'),
       strftime('%Y-%m-%dT%H:%M:%S.0000000Z', '2023-01-01', '+' || (s.N * 7919 % 1095) || ' days', '+' || (s.N * 104729 % 86400) || ' seconds'), 1
FROM Seq s WHERE s.N <= @Articles;

INSERT OR IGNORE INTO ArticleThemes (ArticleId, ThemeId)
SELECT a.Id, t.Id FROM Articles a
JOIN Seq k ON k.N <= 1 + CAST(substr(a.Slug, 9) AS INTEGER) % 3
JOIN Themes t ON t.Slug = 'thema-' || (1 + (CAST(substr(a.Slug, 9) AS INTEGER) * 17 + k.N * 101) % @Themes);

INSERT INTO Keywords (Id, Slug, Name) SELECT lower(hex(randomblob(16))), 'trefwoord-' || N, 'Trefwoord ' || N FROM Seq WHERE N <= 1000;
INSERT OR IGNORE INTO ArticleKeywords (ArticleId, KeywordId)
SELECT a.Id, kw.Id FROM Articles a
JOIN Seq k ON k.N <= 3
JOIN Keywords kw ON kw.Slug = 'trefwoord-' || (1 + (CAST(substr(a.Slug, 9) AS INTEGER) * 37 + k.N * 331) % 1000);
COMMIT;

