-- Issue 16 (history branch): internal links between items ("Verwijst hierheen"), and attachments.
-- One row per item and link target, replaced whenever the item's text is saved (ContentLinks.ReplaceAsync, in the
-- save's transaction). Targets are kept by slug, not id: a link may point at something that does not exist (yet),
-- and is resolved per reader when a page is shown. TargetKind is Article, Theme or Any ([[slug]]: article first).
-- Kept in step with db/sqlserver/0009_links_and_attachments.sql.
CREATE TABLE ContentLinks (
    SourceKind TEXT NOT NULL,
    SourceId   TEXT NOT NULL,
    TargetKind TEXT NOT NULL,
    TargetSlug TEXT NOT NULL,
    PRIMARY KEY (SourceKind, SourceId, TargetKind, TargetSlug)
);
CREATE INDEX IX_ContentLinks_Target ON ContentLinks (TargetSlug, TargetKind);

-- Images and files attached to an article or theme, in the database so that every instance serves the same ones.
-- The type is what the content is (AttachmentTypes.Detect), never what the name or the browser said.
CREATE TABLE Attachments (
    Id           TEXT    NOT NULL PRIMARY KEY,
    SubjectKind  TEXT    NOT NULL,
    SubjectId    TEXT    NOT NULL,
    FileName     TEXT    NOT NULL,
    ContentType  TEXT    NOT NULL,
    IsImage      INTEGER NOT NULL,
    Size         INTEGER NOT NULL,
    Content      BLOB    NOT NULL,
    UploadedById TEXT    NULL REFERENCES Users (Id) ON DELETE SET NULL,
    CreatedAt    TEXT    NOT NULL
);
CREATE INDEX IX_Attachments_Subject ON Attachments (SubjectKind, SubjectId, CreatedAt);
