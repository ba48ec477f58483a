-- KennisHub schema, SQL Server dialect. Kept in step with db/sqlite/0001_initial.sql (a test compares them).
-- Keys are made in C# (UNIQUEIDENTIFIER); times are UTC DATETIMEOFFSET; booleans are BIT.

CREATE TABLE Users (
    Id                        UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    UserName                  NVARCHAR(256)    NOT NULL,
    NormalizedUserName        NVARCHAR(256)    NOT NULL,
    Email                     NVARCHAR(256)    NULL,
    NormalizedEmail           NVARCHAR(256)    NULL,
    EmailConfirmed            BIT              NOT NULL DEFAULT 0,
    PasswordHash              NVARCHAR(MAX)    NULL,
    SecurityStamp             NVARCHAR(256)    NULL,
    ConcurrencyStamp          NVARCHAR(256)    NULL,
    PhoneNumber               NVARCHAR(50)     NULL,
    PhoneNumberConfirmed      BIT              NOT NULL DEFAULT 0,
    TwoFactorEnabled          BIT              NOT NULL DEFAULT 0,
    LockoutEnd                DATETIMEOFFSET   NULL,
    LockoutEnabled            BIT              NOT NULL DEFAULT 1,
    AccessFailedCount         INT              NOT NULL DEFAULT 0,
    DisplayName               NVARCHAR(200)    NOT NULL,
    ApprovalStatus            NVARCHAR(20)     NOT NULL DEFAULT N'Pending',
    LastAuthenticatorTimeStep BIGINT           NULL,
    CreatedAt                 DATETIMEOFFSET   NOT NULL
);
CREATE UNIQUE INDEX UX_Users_NormalizedUserName ON Users (NormalizedUserName);
CREATE INDEX IX_Users_NormalizedEmail ON Users (NormalizedEmail);
CREATE INDEX IX_Users_ApprovalStatus ON Users (ApprovalStatus);

CREATE TABLE Roles (
    Id               UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    Name             NVARCHAR(256)    NOT NULL,
    NormalizedName   NVARCHAR(256)    NOT NULL,
    ConcurrencyStamp NVARCHAR(256)    NULL
);
CREATE UNIQUE INDEX UX_Roles_NormalizedName ON Roles (NormalizedName);

CREATE TABLE UserRoles (
    UserId UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    RoleId UNIQUEIDENTIFIER NOT NULL REFERENCES Roles (Id) ON DELETE CASCADE,
    PRIMARY KEY (UserId, RoleId)
);
CREATE INDEX IX_UserRoles_RoleId ON UserRoles (RoleId);

CREATE TABLE UserClaims (
    Id         INT              NOT NULL IDENTITY(1,1) PRIMARY KEY,
    UserId     UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    ClaimType  NVARCHAR(256)    NULL,
    ClaimValue NVARCHAR(MAX)    NULL
);
CREATE INDEX IX_UserClaims_UserId ON UserClaims (UserId);

CREATE TABLE UserLogins (
    LoginProvider       NVARCHAR(128)    NOT NULL,
    ProviderKey         NVARCHAR(128)    NOT NULL,
    ProviderDisplayName NVARCHAR(256)    NULL,
    UserId              UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    PRIMARY KEY (LoginProvider, ProviderKey)
);
CREATE INDEX IX_UserLogins_UserId ON UserLogins (UserId);

CREATE TABLE UserTokens (
    UserId        UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    LoginProvider NVARCHAR(128)    NOT NULL,
    Name          NVARCHAR(256)    NOT NULL,
    Value         NVARCHAR(MAX)    NULL,
    PRIMARY KEY (UserId, LoginProvider, Name)
);

CREATE TABLE RoleClaims (
    Id         INT              NOT NULL IDENTITY(1,1) PRIMARY KEY,
    RoleId     UNIQUEIDENTIFIER NOT NULL REFERENCES Roles (Id) ON DELETE CASCADE,
    ClaimType  NVARCHAR(256)    NULL,
    ClaimValue NVARCHAR(MAX)    NULL
);
CREATE INDEX IX_RoleClaims_RoleId ON RoleClaims (RoleId);

CREATE TABLE Organisations (
    Id                  UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    Slug                NVARCHAR(200)    NOT NULL,
    Name                NVARCHAR(256)    NOT NULL,
    Kind                NVARCHAR(40)     NOT NULL,
    CbsCode             NVARCHAR(10)     NULL,
    Province            NVARCHAR(100)    NULL,
    Inhabitants         INT              NULL,
    Website             NVARCHAR(500)    NULL,
    DescriptionMarkdown NVARCHAR(MAX)    NOT NULL,
    DescriptionHtml     NVARCHAR(MAX)    NOT NULL,
    CreatedAt           DATETIMEOFFSET   NOT NULL,
    UpdatedAt           DATETIMEOFFSET   NOT NULL,
    Version             INT              NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX UX_Organisations_Slug ON Organisations (Slug);
CREATE INDEX IX_Organisations_Kind ON Organisations (Kind);

CREATE TABLE Memberships (
    UserId          UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    OrganisationId  UNIQUEIDENTIFIER NOT NULL REFERENCES Organisations (Id) ON DELETE CASCADE,
    IsContactPerson BIT              NOT NULL DEFAULT 0,
    JobTitle        NVARCHAR(200)    NULL,
    CreatedAt       DATETIMEOFFSET   NOT NULL,
    PRIMARY KEY (UserId, OrganisationId)
);
CREATE INDEX IX_Memberships_OrganisationId ON Memberships (OrganisationId);

CREATE TABLE Themes (
    Id              UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    Slug            NVARCHAR(200)    NOT NULL,
    Title           NVARCHAR(300)    NOT NULL,
    Summary         NVARCHAR(MAX)    NOT NULL,
    BodyMarkdown    NVARCHAR(MAX)    NOT NULL,
    BodyHtml        NVARCHAR(MAX)    NOT NULL,
    BodyText        NVARCHAR(MAX)    NOT NULL,
    Visibility      NVARCHAR(20)     NOT NULL,
    CurrentRevision INT              NOT NULL DEFAULT 1,
    CreatedById     UNIQUEIDENTIFIER NULL REFERENCES Users (Id),
    CreatedAt       DATETIMEOFFSET   NOT NULL,
    UpdatedAt       DATETIMEOFFSET   NOT NULL,
    Version         INT              NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX UX_Themes_Slug ON Themes (Slug);
CREATE INDEX IX_Themes_UpdatedAt ON Themes (UpdatedAt);

CREATE TABLE Articles (
    Id              UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    Slug            NVARCHAR(200)    NOT NULL,
    Title           NVARCHAR(300)    NOT NULL,
    Summary         NVARCHAR(MAX)    NOT NULL,
    BodyMarkdown    NVARCHAR(MAX)    NOT NULL,
    BodyHtml        NVARCHAR(MAX)    NOT NULL,
    BodyText        NVARCHAR(MAX)    NOT NULL,
    Visibility      NVARCHAR(20)     NOT NULL,
    OrganisationId  UNIQUEIDENTIFIER NULL REFERENCES Organisations (Id),
    AuthorId        UNIQUEIDENTIFIER NULL REFERENCES Users (Id),
    AuthorName      NVARCHAR(200)    NULL,
    CurrentRevision INT              NOT NULL DEFAULT 1,
    CreatedAt       DATETIMEOFFSET   NOT NULL,
    UpdatedAt       DATETIMEOFFSET   NOT NULL,
    Version         INT              NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX UX_Articles_Slug ON Articles (Slug);
CREATE INDEX IX_Articles_UpdatedAt ON Articles (UpdatedAt);
CREATE INDEX IX_Articles_OrganisationId ON Articles (OrganisationId);

CREATE TABLE ArticleThemes (
    ArticleId UNIQUEIDENTIFIER NOT NULL REFERENCES Articles (Id) ON DELETE CASCADE,
    ThemeId   UNIQUEIDENTIFIER NOT NULL REFERENCES Themes (Id) ON DELETE CASCADE,
    PRIMARY KEY (ArticleId, ThemeId)
);
CREATE INDEX IX_ArticleThemes_ThemeId ON ArticleThemes (ThemeId);

CREATE TABLE Keywords (
    Id   UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    Slug NVARCHAR(200)    NOT NULL,
    Name NVARCHAR(256)    NOT NULL
);
CREATE UNIQUE INDEX UX_Keywords_Slug ON Keywords (Slug);

CREATE TABLE ArticleKeywords (
    ArticleId UNIQUEIDENTIFIER NOT NULL REFERENCES Articles (Id) ON DELETE CASCADE,
    KeywordId UNIQUEIDENTIFIER NOT NULL REFERENCES Keywords (Id) ON DELETE CASCADE,
    PRIMARY KEY (ArticleId, KeywordId)
);
CREATE INDEX IX_ArticleKeywords_KeywordId ON ArticleKeywords (KeywordId);

CREATE TABLE ThemeKeywords (
    ThemeId   UNIQUEIDENTIFIER NOT NULL REFERENCES Themes (Id) ON DELETE CASCADE,
    KeywordId UNIQUEIDENTIFIER NOT NULL REFERENCES Keywords (Id) ON DELETE CASCADE,
    PRIMARY KEY (ThemeId, KeywordId)
);
CREATE INDEX IX_ThemeKeywords_KeywordId ON ThemeKeywords (KeywordId);

-- Append-only: every saved version of any text (theme, article, later positions and amendments).
-- SubjectKind + SubjectId name the text; Number counts 1, 2, 3... per text. Rows are never updated.
CREATE TABLE Revisions (
    Id          UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    SubjectKind NVARCHAR(40)     NOT NULL,
    SubjectId   UNIQUEIDENTIFIER NOT NULL,
    Number      INT              NOT NULL,
    Title       NVARCHAR(300)    NOT NULL,
    Markdown    NVARCHAR(MAX)    NOT NULL,
    Summary     NVARCHAR(MAX)    NOT NULL,
    AuthorId    UNIQUEIDENTIFIER NULL REFERENCES Users (Id),
    CreatedAt   DATETIMEOFFSET   NOT NULL
);
CREATE UNIQUE INDEX UX_Revisions_Subject_Number ON Revisions (SubjectKind, SubjectId, Number);

-- Append-only: who changed what, when, with old and new values. The site never updates or deletes here.
CREATE TABLE AuditLog (
    Id          UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    OccurredAt  DATETIMEOFFSET   NOT NULL,
    ActorId     UNIQUEIDENTIFIER NULL,
    ActorName   NVARCHAR(200)    NOT NULL,
    Action      NVARCHAR(100)    NOT NULL,
    SubjectKind NVARCHAR(40)     NOT NULL,
    SubjectId   UNIQUEIDENTIFIER NULL,
    Summary     NVARCHAR(MAX)    NOT NULL,
    OldValue    NVARCHAR(MAX)    NULL,
    NewValue    NVARCHAR(MAX)    NULL
);
CREATE INDEX IX_AuditLog_OccurredAt ON AuditLog (OccurredAt);
CREATE INDEX IX_AuditLog_Subject ON AuditLog (SubjectKind, SubjectId);

-- ASP.NET Core Data Protection key ring, shared by every instance of the site.
CREATE TABLE DataProtectionKeys (
    FriendlyName NVARCHAR(256)    NOT NULL PRIMARY KEY,
    Xml          NVARCHAR(MAX)    NOT NULL,
    CreatedAt    DATETIMEOFFSET   NOT NULL
);
