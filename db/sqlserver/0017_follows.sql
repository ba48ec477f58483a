-- Issue 19: what a member follows (volgen): a theme, an article, an organisation or a keyword, and when they last
-- looked at Mijn KennisHub, so it can show what changed since. SubjectKind: Theme, Article, Organisation, Keyword.
-- No foreign key to the subject (four tables); a follow of something gone or no longer visible simply shows nothing.
-- Kept in step with db/sqlite/0017_follows.sql.
CREATE TABLE Follows (
    UserId      UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    SubjectKind NVARCHAR(40)     NOT NULL,
    SubjectId   UNIQUEIDENTIFIER NOT NULL,
    CreatedAt   DATETIMEOFFSET   NOT NULL,
    PRIMARY KEY (UserId, SubjectKind, SubjectId)
);
CREATE INDEX IX_Follows_Subject ON Follows (SubjectKind, SubjectId);

-- One row per member: the visit Mijn KennisHub counts changes from (PreviousVisitAt) and the latest one.
CREATE TABLE MijnVisits (
    UserId          UNIQUEIDENTIFIER NOT NULL PRIMARY KEY REFERENCES Users (Id) ON DELETE CASCADE,
    PreviousVisitAt DATETIMEOFFSET   NULL,
    LastVisitAt     DATETIMEOFFSET   NOT NULL
);
