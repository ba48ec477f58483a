-- Server-side sessions: the authentication ticket lives here, the cookie holds only its id (ITicketStore), so
-- signing out, a password change or "overal uitloggen" ends a session at once, on every instance.
CREATE TABLE Sessions (
    Id               TEXT    NOT NULL PRIMARY KEY,
    UserId           TEXT    NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    Ticket           TEXT    NOT NULL,
    UserAgent        TEXT    NULL,
    SignedInAt       TEXT    NOT NULL,
    LastSeenAt       TEXT    NOT NULL,
    ExpiresAt        TEXT    NOT NULL,
    RefreshPrincipal INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IX_Sessions_UserId ON Sessions (UserId);
CREATE INDEX IX_Sessions_ExpiresAt ON Sessions (ExpiresAt);

-- Failed password attempts per subject (a hashed account key, client address, or both), for growing delays
-- instead of a lockout anyone could trigger; registrations per e-mail domain use the same counters.
CREATE TABLE AttemptCounters (
    Subject        TEXT    NOT NULL PRIMARY KEY,
    Attempts       INTEGER NOT NULL,
    WindowStartsAt TEXT    NOT NULL,
    LastAttemptAt  TEXT    NOT NULL
);
CREATE INDEX IX_AttemptCounters_LastAttemptAt ON AttemptCounters (LastAttemptAt);
