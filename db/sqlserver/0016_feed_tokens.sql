-- Issue 19: a member's personal Atom feed. The feed address carries a secret token; only its SHA-256 (hex) is kept,
-- so a copy of the database does not hand out feeds. One token per person: making a new one revokes the old.
-- Kept in step with db/sqlite/0016_feed_tokens.sql.
CREATE TABLE FeedTokens (
    UserId    UNIQUEIDENTIFIER NOT NULL PRIMARY KEY REFERENCES Users (Id) ON DELETE CASCADE,
    TokenHash CHAR(64)         NOT NULL,
    CreatedAt DATETIMEOFFSET   NOT NULL
);
CREATE UNIQUE INDEX UX_FeedTokens_TokenHash ON FeedTokens (TokenHash);
