-- Issue 16: who may edit a theme or knowledge article as its author (and, later, a position's lobby team).
-- One row per person and item; the creator is an Active row from the start. An invitation is an Invited row until
-- the invitee accepts (Active) or declines (Declined). SubjectKind takes the Revisions.SubjectKind values.
-- Kept in step with db/sqlite/0007_coauthors.sql.
CREATE TABLE Coauthors (
    SubjectKind NVARCHAR(40)     NOT NULL,
    SubjectId   UNIQUEIDENTIFIER NOT NULL,
    UserId      UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    Status      NVARCHAR(20)     NOT NULL,
    InvitedById UNIQUEIDENTIFIER NULL REFERENCES Users (Id),
    CreatedAt   DATETIMEOFFSET   NOT NULL,
    RespondedAt DATETIMEOFFSET   NULL,
    PRIMARY KEY (SubjectKind, SubjectId, UserId)
);
CREATE INDEX IX_Coauthors_UserId_Status ON Coauthors (UserId, Status);
