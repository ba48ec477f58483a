-- Issue 16 (history branch): internal links between items ("Verwijst hierheen"), and attachments.
-- One row per item and link target, replaced whenever the item's text is saved (ContentLinks.ReplaceAsync, in the
-- save's transaction). Targets are kept by slug, not id: a link may point at something that does not exist (yet),
-- and is resolved per reader when a page is shown. TargetKind is Article, Theme or Any ([[slug]]: article first).
-- Kept in step with db/sqlite/0009_links_and_attachments.sql.
CREATE TABLE ContentLinks (
    SourceKind NVARCHAR(40)     NOT NULL,
    SourceId   UNIQUEIDENTIFIER NOT NULL,
    TargetKind NVARCHAR(10)     NOT NULL,
    TargetSlug NVARCHAR(200)    NOT NULL,
    PRIMARY KEY (SourceKind, SourceId, TargetKind, TargetSlug)
);
CREATE INDEX IX_ContentLinks_Target ON ContentLinks (TargetSlug, TargetKind);

-- Images and files attached to an article or theme, in the database so that every instance serves the same ones.
-- The type is what the content is (AttachmentTypes.Detect), never what the name or the browser said.
CREATE TABLE Attachments (
    Id           UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    SubjectKind  NVARCHAR(40)     NOT NULL,
    SubjectId    UNIQUEIDENTIFIER NOT NULL,
    FileName     NVARCHAR(200)    NOT NULL,
    ContentType  NVARCHAR(100)    NOT NULL,
    IsImage      BIT              NOT NULL,
    Size         BIGINT           NOT NULL,
    Content      VARBINARY(MAX)   NOT NULL,
    UploadedById UNIQUEIDENTIFIER NULL REFERENCES Users (Id) ON DELETE SET NULL,
    CreatedAt    DATETIMEOFFSET   NOT NULL
);
CREATE INDEX IX_Attachments_Subject ON Attachments (SubjectKind, SubjectId, CreatedAt);
