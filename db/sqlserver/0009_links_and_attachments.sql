-- Issue 16 (history branch): internal links between items, for "Verwijst hierheen".
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
