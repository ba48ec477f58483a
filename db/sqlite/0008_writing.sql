-- Issue 16: writing in the site. A renamed article or theme keeps answering on its old slug with a permanent
-- redirect (SlugRedirects: one row per old slug, pointing at the item, never at another slug); a theme gets the
-- status (Exploring/Active/Completed: Verkenning/Actief/Afgerond) and the lead organisation its form asks for.
-- Kept in step with db/sqlserver/0008_writing.sql.
CREATE TABLE SlugRedirects (
    SubjectKind TEXT NOT NULL,
    Slug        TEXT NOT NULL,
    SubjectId   TEXT NOT NULL,
    CreatedAt   TEXT NOT NULL,
    PRIMARY KEY (SubjectKind, Slug)
);
CREATE INDEX IX_SlugRedirects_SubjectId ON SlugRedirects (SubjectId);

ALTER TABLE Themes ADD COLUMN Status TEXT NOT NULL DEFAULT 'Active';
ALTER TABLE Themes ADD COLUMN LeadOrganisationId TEXT NULL REFERENCES Organisations (Id);
