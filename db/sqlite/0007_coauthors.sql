-- Issue 16: who may edit a theme or knowledge article as its author (and, later, a position's lobby team).
-- One row per person and item; the creator is an Active row from the start. An invitation is an Invited row until
-- the invitee accepts (Active) or declines (Declined). SubjectKind takes the Revisions.SubjectKind values.
-- Kept in step with db/sqlserver/0007_coauthors.sql.
CREATE TABLE Coauthors (
    SubjectKind TEXT NOT NULL,
    SubjectId   TEXT NOT NULL,
    UserId      TEXT NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    Status      TEXT NOT NULL,
    InvitedById TEXT NULL REFERENCES Users (Id),
    CreatedAt   TEXT NOT NULL,
    RespondedAt TEXT NULL,
    PRIMARY KEY (SubjectKind, SubjectId, UserId)
);
CREATE INDEX IX_Coauthors_UserId_Status ON Coauthors (UserId, Status);
