using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Data;

namespace KennisHub.Core.Security;

/// <summary>Everything KennisHub keeps about one person, as they download it (AVG art. 15 and 20).</summary>
public sealed record PersonalDataExport(
    PersonalDataExport.AccountData Account,
    IReadOnlyList<string> Roles,
    IReadOnlyList<PersonalDataExport.MembershipData> Memberships,
    IReadOnlyList<PersonalDataExport.AuthoredData> Authored,
    IReadOnlyList<AuditLine> AuditLines,
    DateTimeOffset ExportedAt)
{
    // Property records, not positional: SQLite returns booleans as integers, which Dapper converts only for setters.
    public sealed record AccountData
    {
        public Guid Id { get; init; }

        public string UserName { get; init; } = "";

        public string? Email { get; init; }

        public bool EmailConfirmed { get; init; }

        public string? PhoneNumber { get; init; }

        public bool TwoFactorEnabled { get; init; }

        public string DisplayName { get; init; } = "";

        public string ApprovalStatus { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>The language mail about the account is written in.</summary>
        public string? PreferredLanguage { get; init; }

        /// <summary>For a Beheerder: whether a new account request is mailed to them.</summary>
        public bool NotifyOnAccountRequests { get; init; }

        /// <summary>Since when the person has a personal feed address (the address itself is not kept: only its hash).</summary>
        public DateTimeOffset? PersonalFeedSince { get; init; }
    }

    public sealed record MembershipData
    {
        public string Organisation { get; init; } = "";

        public string? JobTitle { get; init; }

        public bool IsContactPerson { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }

    /// <summary>The person's kept, unpublished edits (issue 16), with the whole form as it was kept.</summary>
    public IReadOnlyList<DraftData> Drafts { get; init; } = [];

    /// <summary>The files and images the person uploaded (their content is in the item, not repeated here).</summary>
    public IReadOnlyList<AttachmentData> Attachments { get; init; } = [];

    public sealed record DraftData
    {
        public string Kind { get; init; } = "";

        public string Title { get; init; } = "";

        public string Content { get; init; } = "";

        public DateTimeOffset SavedAt { get; init; }
    }

    public sealed record AttachmentData
    {
        public string FileName { get; init; } = "";

        public string ContentType { get; init; } = "";

        public long Size { get; init; }

        public string Kind { get; init; } = "";

        public string Item { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }
    }

    public sealed record AuthoredData
    {
        public string Kind { get; init; } = "";

        public string Title { get; init; } = "";

        public string Slug { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }
    }
}

/// <summary>
/// The AVG side of accounts: export a person's data, and erase the person while keeping what they wrote. Erasing
/// anonymises the user row (no name, e-mail, password or 2FA; new security stamp, so every session ends), deletes
/// roles, claims, logins, tokens (the personal feed address too) and memberships, and attributes their content to "voormalig lid".
/// The audit log is append-only and keeps its lines as written (accountability, BIO); docs/SECURITY.md says so.
/// </summary>
public sealed class PersonalData(Db db)
{
    public const string FormerMemberName = "voormalig lid";

    public async Task<PersonalDataExport?> ExportAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        const string AccountSql = """
            SELECT Id, UserName, Email, EmailConfirmed, PhoneNumber, TwoFactorEnabled, DisplayName, ApprovalStatus, CreatedAt,
                PreferredLanguage, NotifyOnAccountRequests,
                (SELECT f.CreatedAt FROM FeedTokens f WHERE f.UserId = Users.Id) AS PersonalFeedSince
            FROM Users WHERE Id = @UserId
            """;
        const string RolesSql = """
            SELECT r.Name FROM UserRoles ur JOIN Roles r ON r.Id = ur.RoleId WHERE ur.UserId = @UserId ORDER BY r.Name
            """;
        const string MembershipsSql = """
            SELECT o.Name AS Organisation, m.JobTitle, m.IsContactPerson, m.CreatedAt
            FROM Memberships m JOIN Organisations o ON o.Id = m.OrganisationId
            WHERE m.UserId = @UserId ORDER BY o.Name
            """;
        const string AuthoredSql = """
            SELECT 'Artikel' AS Kind, Title, Slug, CreatedAt FROM Articles WHERE AuthorId = @UserId
            UNION ALL
            SELECT 'Thema' AS Kind, Title, Slug, CreatedAt FROM Themes WHERE CreatedById = @UserId
            ORDER BY CreatedAt
            """;
        const string DraftsSql = "SELECT SubjectKind AS Kind, Title, Content, SavedAt FROM Drafts WHERE UserId = @UserId ORDER BY SavedAt";
        const string AttachmentsSql = """
            SELECT at.FileName, at.ContentType, at.Size, 'Artikel' AS Kind, a.Title AS Item, at.CreatedAt AS CreatedAt
            FROM Attachments at INNER JOIN Articles a ON a.Id = at.SubjectId
            WHERE at.UploadedById = @UserId AND at.SubjectKind = 'Article'
            UNION ALL
            SELECT at.FileName, at.ContentType, at.Size, 'Thema' AS Kind, t.Title AS Item, at.CreatedAt AS CreatedAt
            FROM Attachments at INNER JOIN Themes t ON t.Id = at.SubjectId
            WHERE at.UploadedById = @UserId AND at.SubjectKind = 'Theme'
            ORDER BY CreatedAt
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new { UserId = userId };
        var account = await connection.QuerySingleOrDefaultAsync<PersonalDataExport.AccountData>(
            new CommandDefinition(AccountSql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (account is null)
        {
            return null;
        }

        var roles = await connection.QueryAsync<string>(new CommandDefinition(RolesSql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var memberships = await connection.QueryAsync<PersonalDataExport.MembershipData>(
            new CommandDefinition(MembershipsSql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var authored = await connection.QueryAsync<PersonalDataExport.AuthoredData>(
            new CommandDefinition(AuthoredSql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var audit = await new AuditLogQuery(db).FindAsync(new AuditFilter(ActorId: userId), 1, 500, cancellationToken).ConfigureAwait(false);
        var drafts = await connection.QueryAsync<PersonalDataExport.DraftData>(new CommandDefinition(DraftsSql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var attachments = await connection.QueryAsync<PersonalDataExport.AttachmentData>(
            new CommandDefinition(AttachmentsSql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new PersonalDataExport(account, roles.ToList(), memberships.ToList(), authored.ToList(), audit.Lines, DateTimeOffset.UtcNow)
        {
            Drafts = drafts.AsList(),
            Attachments = attachments.AsList(),
        };
    }

    /// <summary>Erases the person in one transaction; false when the account does not exist (or was erased already).</summary>
    public async Task<bool> EraseAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        const string AnonymiseSql = """
            UPDATE Users SET
                UserName = @UserName, NormalizedUserName = @NormalizedUserName, DisplayName = @DisplayName,
                Email = NULL, NormalizedEmail = NULL, EmailConfirmed = 0, PhoneNumber = NULL, PhoneNumberConfirmed = 0,
                PasswordHash = NULL, TwoFactorEnabled = 0, LastAuthenticatorTimeStep = NULL,
                SecurityStamp = @SecurityStamp, ConcurrencyStamp = @ConcurrencyStamp,
                LockoutEnabled = 1, LockoutEnd = @LockoutEnd, AccessFailedCount = 0
            WHERE Id = @UserId AND DisplayName <> @DisplayName
            """;
        const string DeleteLinksSql = """
            DELETE FROM UserRoles WHERE UserId = @UserId;
            DELETE FROM UserClaims WHERE UserId = @UserId;
            DELETE FROM UserLogins WHERE UserId = @UserId;
            DELETE FROM UserTokens WHERE UserId = @UserId;
            DELETE FROM Sessions WHERE UserId = @UserId;
            DELETE FROM FeedTokens WHERE UserId = @UserId;
            DELETE FROM Memberships WHERE UserId = @UserId;
            DELETE FROM MembershipEvents WHERE UserId = @UserId;
            DELETE FROM Drafts WHERE UserId = @UserId;
            DELETE FROM EditorPresence WHERE UserId = @UserId;
            UPDATE Users SET Slug = NULL WHERE Id = @UserId;
            UPDATE Articles SET AuthorName = @DisplayName WHERE AuthorId = @UserId;
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var anonymousName = "voormalig-lid-" + userId.ToString("N");
        var changed = await connection.ExecuteAsync(new CommandDefinition(AnonymiseSql, new
        {
            UserId = userId,
            UserName = anonymousName,
            NormalizedUserName = anonymousName.ToUpperInvariant(),
            DisplayName = FormerMemberName,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString("D"),
            LockoutEnd = DateTimeOffset.MaxValue.AddYears(-1),
        }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changed == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(DeleteLinksSql, new { UserId = userId, DisplayName = FormerMemberName }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            "account.erased", "User", userId, "Account verwijderd op verzoek (AVG); gegevens geanonimiseerd.", userId, FormerMemberName), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
