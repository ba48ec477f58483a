-- One row per cached part of the site: every write to what those pages show bumps Version inside its own
-- transaction (ContentVersion.BumpAsync), and every instance compares it per request before serving a cached page.
CREATE TABLE ContentVersions (
    Scope     TEXT    NOT NULL PRIMARY KEY,
    Version   INTEGER NOT NULL,
    ChangedAt TEXT    NOT NULL
);
INSERT INTO ContentVersions (Scope, Version, ChangedAt) VALUES ('kennis', 1, '2000-01-01T00:00:00.0000000Z');
