-- Revisions get what the history page, the comparison and endorsements need per version.
-- Summary (0001) is the item's summary (samenvatting) as it was in that version, not a note about the change:
-- ChangeSummary is that note ("optional change summary" of the editor), empty when none was given.
-- Fingerprint: SHA-256 (64 hex digits) of the normalized Markdown; Length: its code points; LengthChange: Length
-- minus the previous revision's (the first revision: its Length). SQL cannot compute the fingerprint (SHA-256 over
-- Unicode NFC), so existing rows are filled in C# by RevisionBackfill right after the migrations run; every new
-- revision is written with all three. They stay NULL-able for that reason only.
ALTER TABLE Revisions ADD COLUMN ChangeSummary TEXT NOT NULL DEFAULT '';
ALTER TABLE Revisions ADD COLUMN Fingerprint TEXT NULL;
ALTER TABLE Revisions ADD COLUMN Length INTEGER NULL;
ALTER TABLE Revisions ADD COLUMN LengthChange INTEGER NULL;
-- Finds the revisions still to fill, and later the revision a printed copy's fingerprint belongs to.
CREATE INDEX IX_Revisions_Fingerprint ON Revisions (Fingerprint);
