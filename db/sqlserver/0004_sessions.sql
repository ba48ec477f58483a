-- Server-side sessions: the authentication ticket lives here, the cookie holds only its id (ITicketStore), so
-- signing out, a password change or "overal uitloggen" ends a session at once, on every instance.
CREATE TABLE Sessions (
    Id               UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    UserId           UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    Ticket           NVARCHAR(MAX)    NOT NULL,
    UserAgent        NVARCHAR(512)    NULL,
    SignedInAt       DATETIMEOFFSET   NOT NULL,
    LastSeenAt       DATETIMEOFFSET   NOT NULL,
    ExpiresAt        DATETIMEOFFSET   NOT NULL,
    RefreshPrincipal BIT              NOT NULL DEFAULT 0
);
CREATE INDEX IX_Sessions_UserId ON Sessions (UserId);
CREATE INDEX IX_Sessions_ExpiresAt ON Sessions (ExpiresAt);

-- Failed password attempts per subject (a hashed account key, client address, or both), for growing delays
-- instead of a lockout anyone could trigger; registrations per e-mail domain use the same counters.
CREATE TABLE AttemptCounters (
    Subject        NVARCHAR(200)    NOT NULL PRIMARY KEY,
    Attempts       INT              NOT NULL,
    WindowStartsAt DATETIMEOFFSET   NOT NULL,
    LastAttemptAt  DATETIMEOFFSET   NOT NULL
);
CREATE INDEX IX_AttemptCounters_LastAttemptAt ON AttemptCounters (LastAttemptAt);
