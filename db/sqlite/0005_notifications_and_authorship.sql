-- Issue 21: mails about account requests, in the recipient's language, with an opt-out per Beheerder; and the date a
-- seeded article was written (content/ front matter), shown instead of the import date.
ALTER TABLE Users ADD COLUMN PreferredLanguage TEXT NULL;
ALTER TABLE Users ADD COLUMN NotifyOnAccountRequests INTEGER NOT NULL DEFAULT 1;
ALTER TABLE Articles ADD COLUMN WrittenAt TEXT NULL;
