-- Issue 18: search. One row per searchable item (article, theme, organisation; a new kind is one registration in
-- Core/Search/SearchKinds.cs), and two FTS5 indexes over the text as Core/Search/DutchAnalyzer analysed it in C#
-- (folded, stop words out, Dutch stems). DocId is the rowid of both indexes and is given anew on every index write,
-- so DocId order is "most recently written first" when read backwards: the static order the bounded body search
-- stops in. SearchTitles is small (title, keywords, summary, organisation and theme names) and is ranked whole;
-- SearchBodies holds all the text and is read newest first, at most a bounded number of matches.
-- Contentless (content=''): the text is stored once, in the item's own tables; contentless_delete lets a row go.
-- Kept in step with db/sqlserver/0011_search.sql (the FTS5 tables there are SearchText with a full-text index).
CREATE TABLE SearchDocuments (
    DocId            INTEGER NOT NULL PRIMARY KEY,
    Kind             TEXT    NOT NULL,
    SubjectId        TEXT    NOT NULL,
    Slug             TEXT    NOT NULL,
    Title            TEXT    NOT NULL,
    Summary          TEXT    NOT NULL,
    Visibility       TEXT    NOT NULL,
    OrganisationName TEXT    NULL,
    ItemDate         TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_SearchDocuments_Subject ON SearchDocuments (Kind, SubjectId);

CREATE VIRTUAL TABLE SearchTitles USING fts5(title, keywords, summary, context, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='2 3');
CREATE VIRTUAL TABLE SearchBodies USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
