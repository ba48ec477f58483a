-- Issue 17: people in organisations, who speaks for them, and the network. Memberships stays the one truth of who
-- belongs where: a request is a row with Status 'Requested' that a contact person or Beheerder decides ('Approved' or
-- 'Refused', with who, when and why); leaving sets 'Ended'. Existing rows were real members, hence the default.
-- MembershipEvents keeps every request and decision (append-only), so a row's history survives a new request.
-- JobTitle is the person's function in that organisation; IsContactPerson the organisation-level role.
-- Mandates: who may endorse on the organisation's behalf, of which kind, from when until when; "does this person hold
-- a valid mandate for this organisation at T" is one seek on IX_Mandates_UserId_OrganisationId.
-- NetworkMemberships: an organisation is a member of a network organisation, since a date.
-- Organisations.Place: where the organisation sits, kept by its contact persons with its description and website.
-- Users.Slug: the address of a person's profile (/mensen/{slug}), given when first needed.
-- Kept in step with db/sqlserver/0010_memberships_mandates_network.sql.
ALTER TABLE Organisations ADD COLUMN Place TEXT NULL;
ALTER TABLE Memberships ADD COLUMN Status TEXT NOT NULL DEFAULT 'Approved';
ALTER TABLE Memberships ADD COLUMN Motivation TEXT NULL;
ALTER TABLE Memberships ADD COLUMN DecidedById TEXT NULL;
ALTER TABLE Memberships ADD COLUMN DecidedAt TEXT NULL;
ALTER TABLE Memberships ADD COLUMN DecisionReason TEXT NULL;
ALTER TABLE Memberships ADD COLUMN UpdatedAt TEXT NULL;
ALTER TABLE Memberships ADD COLUMN Version INTEGER NOT NULL DEFAULT 1;
DROP INDEX IX_Memberships_OrganisationId;
CREATE INDEX IX_Memberships_OrganisationId_Status ON Memberships (OrganisationId, Status);

CREATE TABLE MembershipEvents (
    Id             TEXT NOT NULL PRIMARY KEY,
    UserId         TEXT NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    OrganisationId TEXT NOT NULL REFERENCES Organisations (Id) ON DELETE CASCADE,
    Status         TEXT NOT NULL,
    Note           TEXT NULL,
    ActorId        TEXT NULL,
    ActorName      TEXT NOT NULL,
    OccurredAt     TEXT NOT NULL
);
CREATE INDEX IX_MembershipEvents_UserId_OrganisationId ON MembershipEvents (UserId, OrganisationId, OccurredAt);

CREATE TABLE Mandates (
    Id             TEXT NOT NULL PRIMARY KEY,
    UserId         TEXT NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    OrganisationId TEXT NOT NULL REFERENCES Organisations (Id) ON DELETE CASCADE,
    Kind           TEXT NOT NULL,
    StartsAt       TEXT NOT NULL,
    EndsAt         TEXT NULL,
    RecordedById   TEXT NULL,
    RecordedAt     TEXT NOT NULL
);
CREATE INDEX IX_Mandates_UserId_OrganisationId ON Mandates (UserId, OrganisationId, StartsAt);
CREATE INDEX IX_Mandates_OrganisationId ON Mandates (OrganisationId);

CREATE TABLE NetworkMemberships (
    NetworkId TEXT NOT NULL REFERENCES Organisations (Id),
    MemberId  TEXT NOT NULL REFERENCES Organisations (Id),
    Since     TEXT NULL,
    Source    TEXT NULL,
    PRIMARY KEY (NetworkId, MemberId)
);
CREATE INDEX IX_NetworkMemberships_MemberId ON NetworkMemberships (MemberId);

ALTER TABLE Users ADD COLUMN Slug TEXT NULL;
CREATE UNIQUE INDEX UX_Users_Slug ON Users (Slug) WHERE Slug IS NOT NULL;
