-- The read path (issue 15). Kept in step with db/sqlserver/0002_read_path.sql (a test compares them).
--
-- 1. Bodies out of the rows that lists scan. A list reads Title, Summary and dates of twenty rows, but every
--    article row carried its Markdown, HTML and plain text too (tens of KB each), so walking the list order
--    touched every page of the table. The bodies now live 1:1 in ArticleBodies / ThemeBodies, read only by the
--    item's own page, the importer and (later) search.
-- 2. An index for every list order and filter, each ending in the list's tie-breaker (Slug) so that the index
--    order is the page order and a page stops after Take rows instead of sorting the whole table.

CREATE TABLE ArticleBodies (
    ArticleId    TEXT NOT NULL PRIMARY KEY REFERENCES Articles (Id) ON DELETE CASCADE,
    BodyMarkdown TEXT NOT NULL,
    BodyHtml     TEXT NOT NULL,
    BodyText     TEXT NOT NULL
);

CREATE TABLE ThemeBodies (
    ThemeId      TEXT NOT NULL PRIMARY KEY REFERENCES Themes (Id) ON DELETE CASCADE,
    BodyMarkdown TEXT NOT NULL,
    BodyHtml     TEXT NOT NULL,
    BodyText     TEXT NOT NULL
);

INSERT INTO ArticleBodies (ArticleId, BodyMarkdown, BodyHtml, BodyText)
SELECT Id, BodyMarkdown, BodyHtml, BodyText FROM Articles;

INSERT INTO ThemeBodies (ThemeId, BodyMarkdown, BodyHtml, BodyText)
SELECT Id, BodyMarkdown, BodyHtml, BodyText FROM Themes;

-- SQLite 3.35+ (Microsoft.Data.Sqlite ships 3.49): DROP COLUMN rewrites the table without the column.
ALTER TABLE Articles DROP COLUMN BodyMarkdown;
ALTER TABLE Articles DROP COLUMN BodyHtml;
ALTER TABLE Articles DROP COLUMN BodyText;
ALTER TABLE Themes DROP COLUMN BodyMarkdown;
ALTER TABLE Themes DROP COLUMN BodyHtml;
ALTER TABLE Themes DROP COLUMN BodyText;

-- Articles: /kennis and the home page, newest first. Visibility is in the index so that skipping to page 500
-- reads only the index (the rest of a row is read for the rows shown); for any set of visibilities the index
-- order is the page order. (An index led by Visibility serves one visibility but makes the planner sort for two.)
DROP INDEX IX_Articles_UpdatedAt;
CREATE INDEX IX_Articles_UpdatedAt ON Articles (UpdatedAt DESC, Slug, Visibility);
-- An organisation's articles (also the foreign key's index).
DROP INDEX IX_Articles_OrganisationId;
CREATE INDEX IX_Articles_OrganisationId ON Articles (OrganisationId, UpdatedAt DESC, Slug, Visibility);

-- The articles of a theme and of a keyword: the index holds the article key, so the link table is not read.
DROP INDEX IX_ArticleThemes_ThemeId;
CREATE INDEX IX_ArticleThemes_ThemeId ON ArticleThemes (ThemeId, ArticleId);
DROP INDEX IX_ArticleKeywords_KeywordId;
CREATE INDEX IX_ArticleKeywords_KeywordId ON ArticleKeywords (KeywordId, ArticleId);

-- Themes: /themas by title, the home page by date.
DROP INDEX IX_Themes_UpdatedAt;
CREATE INDEX IX_Themes_UpdatedAt ON Themes (UpdatedAt DESC, Slug, Visibility);
CREATE INDEX IX_Themes_Title ON Themes (Title, Slug, Visibility);

-- Organisations: /organisaties by name, filtered by kind and/or province; the province filter's choices.
CREATE INDEX IX_Organisations_Name ON Organisations (Name, Slug);
DROP INDEX IX_Organisations_Kind;
CREATE INDEX IX_Organisations_Kind ON Organisations (Kind, Name, Slug);
CREATE INDEX IX_Organisations_Province ON Organisations (Province, Name, Slug);
