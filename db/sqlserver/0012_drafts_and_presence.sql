-- Issue 16 (collab branch): drafts and presence in the editor.
-- Drafts: an unsaved edit kept per person and item, the whole editor form as JSON (Content), so every kind of text
-- keeps its own fields without a column per field. A draft of an item not created yet is keyed by the kind and
-- SubjectId = the empty Guid (Core/Editing/Drafts.NewItem): one such draft per person and kind. A published save
-- deletes the writer's draft in the save's transaction; erasing an account deletes its drafts.
-- Kept in step with db/sqlite/0012_drafts_and_presence.sql.
CREATE TABLE Drafts (
    UserId       UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    SubjectKind  NVARCHAR(40)     NOT NULL,
    SubjectId    UNIQUEIDENTIFIER NOT NULL,
    Title        NVARCHAR(400)    NOT NULL,
    BaseRevision INT              NOT NULL,
    Content      NVARCHAR(MAX)    NOT NULL,
    SavedAt      DATETIMEOFFSET   NOT NULL,
    PRIMARY KEY (UserId, SubjectKind, SubjectId)
);

-- Presence: who has an item's editor open, from a heartbeat the editor page sends (and its load). A row counts while
-- LastSeenAt is within a minute (Core/Editing/Presence.Expiry); StartedAt is when this stretch of editing began.
-- In the database, so every instance sees every editor.
CREATE TABLE EditorPresence (
    SubjectKind NVARCHAR(40)     NOT NULL,
    SubjectId   UNIQUEIDENTIFIER NOT NULL,
    UserId      UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    StartedAt   DATETIMEOFFSET   NOT NULL,
    LastSeenAt  DATETIMEOFFSET   NOT NULL,
    PRIMARY KEY (SubjectKind, SubjectId, UserId)
);
CREATE INDEX IX_EditorPresence_UserId ON EditorPresence (UserId);
