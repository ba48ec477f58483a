-- Issue 19: what a member follows (volgen): a theme, an article, an organisation or a keyword, and when they last
-- looked at Mijn KennisHub, so it can show what changed since. SubjectKind: Theme, Article, Organisation, Keyword.
-- No foreign key to the subject (four tables); a follow of something gone or no longer visible simply shows nothing.
-- Kept in step with db/sqlserver/0017_follows.sql.
CREATE TABLE Follows (
    UserId      TEXT NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    SubjectKind TEXT NOT NULL,
    SubjectId   TEXT NOT NULL,
    CreatedAt   TEXT NOT NULL,
    PRIMARY KEY (UserId, SubjectKind, SubjectId)
);
CREATE INDEX IX_Follows_Subject ON Follows (SubjectKind, SubjectId);

-- One row per member: the visit Mijn KennisHub counts changes from (PreviousVisitAt) and the latest one.
CREATE TABLE MijnVisits (
    UserId          TEXT NOT NULL PRIMARY KEY REFERENCES Users (Id) ON DELETE CASCADE,
    PreviousVisitAt TEXT NULL,
    LastVisitAt     TEXT NOT NULL
);
