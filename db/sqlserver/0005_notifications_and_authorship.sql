-- Issue 21: mails about account requests, in the recipient's language, with an opt-out per Beheerder; and the date a
-- seeded article was written (content/ front matter), shown instead of the import date. Kept in step with db/sqlite.
ALTER TABLE Users ADD PreferredLanguage NVARCHAR(10) NULL;
ALTER TABLE Users ADD NotifyOnAccountRequests BIT NOT NULL CONSTRAINT DF_Users_NotifyOnAccountRequests DEFAULT 1;
ALTER TABLE Articles ADD WrittenAt DATETIMEOFFSET NULL;
