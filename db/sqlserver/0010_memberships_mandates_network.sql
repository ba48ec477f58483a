-- Issue 17: people in organisations, who speaks for them, and the network. Memberships stays the one truth of who
-- belongs where: a request is a row with Status 'Requested' that a contact person or Beheerder decides ('Approved' or
-- 'Refused', with who, when and why); leaving sets 'Ended'. Existing rows were real members, hence the default.
-- MembershipEvents keeps every request and decision (append-only), so a row's history survives a new request.
-- JobTitle is the person's function in that organisation; IsContactPerson the organisation-level role.
-- Mandates: who may endorse on the organisation's behalf, of which kind, from when until when; "does this person hold
-- a valid mandate for this organisation at T" is one seek on IX_Mandates_UserId_OrganisationId.
-- NetworkMemberships: an organisation is a member of a network organisation, since a date (no cascades: two paths
-- from Organisations would be refused by SQL Server; organisations are not deleted).
-- Organisations.Place: where the organisation sits, kept by its contact persons with its description and website.
-- Users.Slug: the address of a person's profile (/mensen/{slug}), given when first needed.
-- Kept in step with db/sqlite/0010_memberships_mandates_network.sql.
ALTER TABLE Organisations ADD Place NVARCHAR(200) NULL;
ALTER TABLE Memberships ADD Status NVARCHAR(20) NOT NULL CONSTRAINT DF_Memberships_Status DEFAULT 'Approved';
ALTER TABLE Memberships ADD Motivation NVARCHAR(2000) NULL;
ALTER TABLE Memberships ADD DecidedById UNIQUEIDENTIFIER NULL;
ALTER TABLE Memberships ADD DecidedAt DATETIMEOFFSET NULL;
ALTER TABLE Memberships ADD DecisionReason NVARCHAR(2000) NULL;
ALTER TABLE Memberships ADD UpdatedAt DATETIMEOFFSET NULL;
ALTER TABLE Memberships ADD Version INT NOT NULL CONSTRAINT DF_Memberships_Version DEFAULT 1;
GO
DROP INDEX IX_Memberships_OrganisationId ON Memberships;
CREATE INDEX IX_Memberships_OrganisationId_Status ON Memberships (OrganisationId, Status);

CREATE TABLE MembershipEvents (
    Id             UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    UserId         UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    OrganisationId UNIQUEIDENTIFIER NOT NULL REFERENCES Organisations (Id) ON DELETE CASCADE,
    Status         NVARCHAR(20)     NOT NULL,
    Note           NVARCHAR(2000)   NULL,
    ActorId        UNIQUEIDENTIFIER NULL,
    ActorName      NVARCHAR(200)    NOT NULL,
    OccurredAt     DATETIMEOFFSET   NOT NULL
);
CREATE INDEX IX_MembershipEvents_UserId_OrganisationId ON MembershipEvents (UserId, OrganisationId, OccurredAt);

CREATE TABLE Mandates (
    Id             UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    UserId         UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    OrganisationId UNIQUEIDENTIFIER NOT NULL REFERENCES Organisations (Id) ON DELETE CASCADE,
    Kind           NVARCHAR(40)     NOT NULL,
    StartsAt       DATETIMEOFFSET   NOT NULL,
    EndsAt         DATETIMEOFFSET   NULL,
    RecordedById   UNIQUEIDENTIFIER NULL,
    RecordedAt     DATETIMEOFFSET   NOT NULL
);
CREATE INDEX IX_Mandates_UserId_OrganisationId ON Mandates (UserId, OrganisationId, StartsAt);
CREATE INDEX IX_Mandates_OrganisationId ON Mandates (OrganisationId);

CREATE TABLE NetworkMemberships (
    NetworkId UNIQUEIDENTIFIER NOT NULL REFERENCES Organisations (Id),
    MemberId  UNIQUEIDENTIFIER NOT NULL REFERENCES Organisations (Id),
    Since     DATETIMEOFFSET   NULL,
    Source    NVARCHAR(500)    NULL,
    PRIMARY KEY (NetworkId, MemberId)
);
CREATE INDEX IX_NetworkMemberships_MemberId ON NetworkMemberships (MemberId);

ALTER TABLE Users ADD Slug NVARCHAR(200) NULL;
GO
CREATE UNIQUE INDEX UX_Users_Slug ON Users (Slug) WHERE Slug IS NOT NULL;
