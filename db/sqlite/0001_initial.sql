-- KennisHub schema, SQLite dialect. Kept in step with db/sqlserver/0001_initial.sql (a test compares them).
-- Keys are made in C# (Guid as text); times are UTC ISO-8601 text; booleans are 0/1.

CREATE TABLE Users (
    Id                        TEXT    NOT NULL PRIMARY KEY,
    UserName                  TEXT    NOT NULL,
    NormalizedUserName        TEXT    NOT NULL,
    Email                     TEXT    NULL,
    NormalizedEmail           TEXT    NULL,
    EmailConfirmed            INTEGER NOT NULL DEFAULT 0,
    PasswordHash              TEXT    NULL,
    SecurityStamp             TEXT    NULL,
    ConcurrencyStamp          TEXT    NULL,
    PhoneNumber               TEXT    NULL,
    PhoneNumberConfirmed      INTEGER NOT NULL DEFAULT 0,
    TwoFactorEnabled          INTEGER NOT NULL DEFAULT 0,
    LockoutEnd                TEXT    NULL,
    LockoutEnabled            INTEGER NOT NULL DEFAULT 1,
    AccessFailedCount         INTEGER NOT NULL DEFAULT 0,
    DisplayName               TEXT    NOT NULL,
    ApprovalStatus            TEXT    NOT NULL DEFAULT 'Pending',
    LastAuthenticatorTimeStep INTEGER NULL,
    CreatedAt                 TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_Users_NormalizedUserName ON Users (NormalizedUserName);
CREATE INDEX IX_Users_NormalizedEmail ON Users (NormalizedEmail);
CREATE INDEX IX_Users_ApprovalStatus ON Users (ApprovalStatus);

CREATE TABLE Roles (
    Id               TEXT NOT NULL PRIMARY KEY,
    Name             TEXT NOT NULL,
    NormalizedName   TEXT NOT NULL,
    ConcurrencyStamp TEXT NULL
);
CREATE UNIQUE INDEX UX_Roles_NormalizedName ON Roles (NormalizedName);

CREATE TABLE UserRoles (
    UserId TEXT NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    RoleId TEXT NOT NULL REFERENCES Roles (Id) ON DELETE CASCADE,
    PRIMARY KEY (UserId, RoleId)
);
CREATE INDEX IX_UserRoles_RoleId ON UserRoles (RoleId);

CREATE TABLE UserClaims (
    Id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    UserId     TEXT    NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    ClaimType  TEXT    NULL,
    ClaimValue TEXT    NULL
);
CREATE INDEX IX_UserClaims_UserId ON UserClaims (UserId);

CREATE TABLE UserLogins (
    LoginProvider       TEXT NOT NULL,
    ProviderKey         TEXT NOT NULL,
    ProviderDisplayName TEXT NULL,
    UserId              TEXT NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    PRIMARY KEY (LoginProvider, ProviderKey)
);
CREATE INDEX IX_UserLogins_UserId ON UserLogins (UserId);

CREATE TABLE UserTokens (
    UserId        TEXT NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    LoginProvider TEXT NOT NULL,
    Name          TEXT NOT NULL,
    Value         TEXT NULL,
    PRIMARY KEY (UserId, LoginProvider, Name)
);

CREATE TABLE RoleClaims (
    Id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    RoleId     TEXT    NOT NULL REFERENCES Roles (Id) ON DELETE CASCADE,
    ClaimType  TEXT    NULL,
    ClaimValue TEXT    NULL
);
CREATE INDEX IX_RoleClaims_RoleId ON RoleClaims (RoleId);

CREATE TABLE Organisations (
    Id                  TEXT    NOT NULL PRIMARY KEY,
    Slug                TEXT    NOT NULL,
    Name                TEXT    NOT NULL,
    Kind                TEXT    NOT NULL,
    CbsCode             TEXT    NULL,
    Province            TEXT    NULL,
    Inhabitants         INTEGER NULL,
    Website             TEXT    NULL,
    DescriptionMarkdown TEXT    NOT NULL,
    DescriptionHtml     TEXT    NOT NULL,
    CreatedAt           TEXT    NOT NULL,
    UpdatedAt           TEXT    NOT NULL,
    Version             INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX UX_Organisations_Slug ON Organisations (Slug);
CREATE INDEX IX_Organisations_Kind ON Organisations (Kind);

CREATE TABLE Memberships (
    UserId          TEXT    NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    OrganisationId  TEXT    NOT NULL REFERENCES Organisations (Id) ON DELETE CASCADE,
    IsContactPerson INTEGER NOT NULL DEFAULT 0,
    JobTitle        TEXT    NULL,
    CreatedAt       TEXT    NOT NULL,
    PRIMARY KEY (UserId, OrganisationId)
);
CREATE INDEX IX_Memberships_OrganisationId ON Memberships (OrganisationId);

CREATE TABLE Themes (
    Id              TEXT    NOT NULL PRIMARY KEY,
    Slug            TEXT    NOT NULL,
    Title           TEXT    NOT NULL,
    Summary         TEXT    NOT NULL,
    BodyMarkdown    TEXT    NOT NULL,
    BodyHtml        TEXT    NOT NULL,
    BodyText        TEXT    NOT NULL,
    Visibility      TEXT    NOT NULL,
    CurrentRevision INTEGER NOT NULL DEFAULT 1,
    CreatedById     TEXT    NULL REFERENCES Users (Id),
    CreatedAt       TEXT    NOT NULL,
    UpdatedAt       TEXT    NOT NULL,
    Version         INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX UX_Themes_Slug ON Themes (Slug);
CREATE INDEX IX_Themes_UpdatedAt ON Themes (UpdatedAt);

CREATE TABLE Articles (
    Id              TEXT    NOT NULL PRIMARY KEY,
    Slug            TEXT    NOT NULL,
    Title           TEXT    NOT NULL,
    Summary         TEXT    NOT NULL,
    BodyMarkdown    TEXT    NOT NULL,
    BodyHtml        TEXT    NOT NULL,
    BodyText        TEXT    NOT NULL,
    Visibility      TEXT    NOT NULL,
    OrganisationId  TEXT    NULL REFERENCES Organisations (Id),
    AuthorId        TEXT    NULL REFERENCES Users (Id),
    AuthorName      TEXT    NULL,
    CurrentRevision INTEGER NOT NULL DEFAULT 1,
    CreatedAt       TEXT    NOT NULL,
    UpdatedAt       TEXT    NOT NULL,
    Version         INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX UX_Articles_Slug ON Articles (Slug);
CREATE INDEX IX_Articles_UpdatedAt ON Articles (UpdatedAt);
CREATE INDEX IX_Articles_OrganisationId ON Articles (OrganisationId);

CREATE TABLE ArticleThemes (
    ArticleId TEXT NOT NULL REFERENCES Articles (Id) ON DELETE CASCADE,
    ThemeId   TEXT NOT NULL REFERENCES Themes (Id) ON DELETE CASCADE,
    PRIMARY KEY (ArticleId, ThemeId)
);
CREATE INDEX IX_ArticleThemes_ThemeId ON ArticleThemes (ThemeId);

CREATE TABLE Keywords (
    Id   TEXT NOT NULL PRIMARY KEY,
    Slug TEXT NOT NULL,
    Name TEXT NOT NULL
);
CREATE UNIQUE INDEX UX_Keywords_Slug ON Keywords (Slug);

CREATE TABLE ArticleKeywords (
    ArticleId TEXT NOT NULL REFERENCES Articles (Id) ON DELETE CASCADE,
    KeywordId TEXT NOT NULL REFERENCES Keywords (Id) ON DELETE CASCADE,
    PRIMARY KEY (ArticleId, KeywordId)
);
CREATE INDEX IX_ArticleKeywords_KeywordId ON ArticleKeywords (KeywordId);

CREATE TABLE ThemeKeywords (
    ThemeId   TEXT NOT NULL REFERENCES Themes (Id) ON DELETE CASCADE,
    KeywordId TEXT NOT NULL REFERENCES Keywords (Id) ON DELETE CASCADE,
    PRIMARY KEY (ThemeId, KeywordId)
);
CREATE INDEX IX_ThemeKeywords_KeywordId ON ThemeKeywords (KeywordId);

-- Append-only: every saved version of any text (theme, article, later positions and amendments).
-- SubjectKind + SubjectId name the text; Number counts 1, 2, 3... per text. Rows are never updated.
CREATE TABLE Revisions (
    Id          TEXT    NOT NULL PRIMARY KEY,
    SubjectKind TEXT    NOT NULL,
    SubjectId   TEXT    NOT NULL,
    Number      INTEGER NOT NULL,
    Title       TEXT    NOT NULL,
    Markdown    TEXT    NOT NULL,
    Summary     TEXT    NOT NULL,
    AuthorId    TEXT    NULL REFERENCES Users (Id),
    CreatedAt   TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_Revisions_Subject_Number ON Revisions (SubjectKind, SubjectId, Number);

-- Append-only: who changed what, when, with old and new values. The site never updates or deletes here.
CREATE TABLE AuditLog (
    Id          TEXT NOT NULL PRIMARY KEY,
    OccurredAt  TEXT NOT NULL,
    ActorId     TEXT NULL,
    ActorName   TEXT NOT NULL,
    Action      TEXT NOT NULL,
    SubjectKind TEXT NOT NULL,
    SubjectId   TEXT NULL,
    Summary     TEXT NOT NULL,
    OldValue    TEXT NULL,
    NewValue    TEXT NULL
);
CREATE INDEX IX_AuditLog_OccurredAt ON AuditLog (OccurredAt);
CREATE INDEX IX_AuditLog_Subject ON AuditLog (SubjectKind, SubjectId);

-- ASP.NET Core Data Protection key ring, shared by every instance of the site.
CREATE TABLE DataProtectionKeys (
    FriendlyName TEXT NOT NULL PRIMARY KEY,
    Xml          TEXT NOT NULL,
    CreatedAt    TEXT NOT NULL
);
