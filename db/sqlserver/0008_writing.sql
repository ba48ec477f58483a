-- Issue 16: writing in the site. A renamed article or theme keeps answering on its old slug with a permanent
-- redirect (SlugRedirects: one row per old slug, pointing at the item, never at another slug); a theme gets the
-- status (Exploring/Active/Completed: Verkenning/Actief/Afgerond) and the lead organisation its form asks for.
-- Kept in step with db/sqlite/0008_writing.sql.
CREATE TABLE SlugRedirects (
    SubjectKind NVARCHAR(40)     NOT NULL,
    Slug        NVARCHAR(200)    NOT NULL,
    SubjectId   UNIQUEIDENTIFIER NOT NULL,
    CreatedAt   DATETIMEOFFSET   NOT NULL,
    PRIMARY KEY (SubjectKind, Slug)
);
CREATE INDEX IX_SlugRedirects_SubjectId ON SlugRedirects (SubjectId);

ALTER TABLE Themes ADD Status NVARCHAR(20) NOT NULL CONSTRAINT DF_Themes_Status DEFAULT 'Active';
ALTER TABLE Themes ADD LeadOrganisationId UNIQUEIDENTIFIER NULL REFERENCES Organisations (Id);
