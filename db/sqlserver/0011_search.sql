-- Issue 18: search. One row per searchable item (article, theme, organisation; a new kind is one registration in
-- Core/Search/SearchKinds.cs), and SearchText with the text as Core/Search/DutchAnalyzer analysed it in C# (folded,
-- stop words out, Dutch stems), the same terms SQLite's FTS5 indexes hold. The full-text catalog and index on
-- SearchText (LANGUAGE 1043) cannot be created inside the per-script transaction: DatabaseMigrator creates them in a
-- step of its own after the scripts (SqlServerDialect.CreateFullTextIndex). DocId is given anew on every index
-- write: highest is most recently written.
-- Kept in step with db/sqlite/0011_search.sql (SearchText is the FTS5 tables there and is not compared).
CREATE TABLE SearchDocuments (
    DocId            BIGINT           NOT NULL PRIMARY KEY,
    Kind             NVARCHAR(40)     NOT NULL,
    SubjectId        UNIQUEIDENTIFIER NOT NULL,
    Slug             NVARCHAR(200)    NOT NULL,
    Title            NVARCHAR(300)    NOT NULL,
    Summary          NVARCHAR(MAX)    NOT NULL,
    Visibility       NVARCHAR(20)     NOT NULL,
    OrganisationName NVARCHAR(300)    NULL,
    ItemDate         DATETIMEOFFSET   NOT NULL
);
CREATE UNIQUE INDEX UX_SearchDocuments_Subject ON SearchDocuments (Kind, SubjectId);

CREATE TABLE SearchText (
    DocId    BIGINT        NOT NULL CONSTRAINT PK_SearchText PRIMARY KEY,
    Title    NVARCHAR(MAX) NOT NULL,
    Keywords NVARCHAR(MAX) NOT NULL,
    Summary  NVARCHAR(MAX) NOT NULL,
    Context  NVARCHAR(MAX) NOT NULL,
    Body     NVARCHAR(MAX) NOT NULL
);
