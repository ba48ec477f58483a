using System.Data.Common;
using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Caching;
using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using KennisHub.Core.Reading;
using KennisHub.Core.Revisions;

namespace KennisHub.Core.Coauthoring;

/// <summary>The states of a row in Coauthors (migration 0007), stored by name.</summary>
public enum CoauthorStatus
{
    Invited,
    Active,
    Declined,
}

/// <summary>A co-author of an item, or someone invited to be one; <see cref="Slug"/> is their /mensen address (null while they have none).</summary>
public sealed record Coauthor
{
    public required Guid UserId { get; init; }

    public required string DisplayName { get; init; }

    public string? Slug { get; init; }

    /// <summary>A <see cref="CoauthorStatus"/> name.</summary>
    public required string Status { get; init; }

    public string? InvitedByName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public bool IsActive => Status == nameof(CoauthorStatus.Active);
}

/// <summary>An open invitation, as the invitee sees it on their profile.</summary>
public sealed record CoauthorInvitation
{
    public required string SubjectKind { get; init; }

    public required Guid SubjectId { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public string? InvitedByName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What a change of the co-authors did; the page turns each into a Dutch (or English) message.</summary>
public enum CoauthorOutcome
{
    Done,

    /// <summary>No such item, invitation or co-author (or not one this person may answer).</summary>
    NotFound,

    /// <summary>The invitee is not an approved member.</summary>
    NotAMember,

    /// <summary>The invitee could not see the item (an atelier theme for a network member).</summary>
    MayNotSee,

    AlreadyCoauthor,

    AlreadyInvited,

    /// <summary>The item's last Active co-author cannot be removed and cannot leave.</summary>
    LastCoauthor,
}

/// <summary>
/// Who writes an item together (table Coauthors): invitations, answers, removal and leaving. Who may ask for which
/// change is the pages' authorization (CoauthorAuthorizationHandler: the item's Active co-authors and Beheerders;
/// the invitee answers only their own invitation, keyed by their own id). Every change is one transaction with its
/// audit line (before and after) and the content version, because the item pages show the authors.
/// </summary>
public sealed class Coauthors(Db db)
{
    private const string ItemColumns = "Id, Slug, Title, Visibility";

    private const string ArticleSql = "SELECT " + ItemColumns + " FROM Articles WHERE Id = @Id";

    private const string ThemeSql = "SELECT " + ItemColumns + " FROM Themes WHERE Id = @Id";

    private const string StatusSql = "SELECT Status FROM Coauthors WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId AND UserId = @UserId";

    /// <summary>The item's co-authors: Active ones first (oldest first), then open invitations.</summary>
    public async Task<IReadOnlyList<Coauthor>> ListAsync(string subjectKind, Guid subjectId, bool includeInvited, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT c.UserId, u.DisplayName, u.Slug, c.Status, i.DisplayName AS InvitedByName, c.CreatedAt AS CreatedAt
            FROM Coauthors c
            INNER JOIN Users u ON u.Id = c.UserId
            LEFT JOIN Users i ON i.Id = c.InvitedById
            WHERE c.SubjectKind = @SubjectKind AND c.SubjectId = @SubjectId AND c.Status IN @Statuses
            ORDER BY CASE WHEN c.Status = 'Active' THEN 0 ELSE 1 END, c.CreatedAt, u.DisplayName
            """;
        string[] statuses = includeInvited ? [nameof(CoauthorStatus.Active), nameof(CoauthorStatus.Invited)] : [nameof(CoauthorStatus.Active)];
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<Coauthor>(new CommandDefinition(
            Sql, new { SubjectKind = subjectKind, SubjectId = subjectId, Statuses = statuses }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
    }

    /// <summary>The person's open invitations to items they may see, newest first.</summary>
    public async Task<IReadOnlyList<CoauthorInvitation>> OpenInvitationsAsync(Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        const string Sql = """
            SELECT c.SubjectKind, c.SubjectId, a.Slug, a.Title, i.DisplayName AS InvitedByName, c.CreatedAt AS CreatedAt
            FROM Coauthors c
            INNER JOIN Articles a ON a.Id = c.SubjectId
            LEFT JOIN Users i ON i.Id = c.InvitedById
            WHERE c.UserId = @UserId AND c.Status = 'Invited' AND c.SubjectKind = @Article AND a.Visibility IN @Visibilities
            UNION ALL
            SELECT c.SubjectKind, c.SubjectId, t.Slug, t.Title, i.DisplayName AS InvitedByName, c.CreatedAt AS CreatedAt
            FROM Coauthors c
            INNER JOIN Themes t ON t.Id = c.SubjectId
            LEFT JOIN Users i ON i.Id = c.InvitedById
            WHERE c.UserId = @UserId AND c.Status = 'Invited' AND c.SubjectKind = @Theme AND t.Visibility IN @Visibilities
            ORDER BY CreatedAt DESC
            """;
        if (reader.UserId is not { } userId)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<CoauthorInvitation>(new CommandDefinition(Sql, new
        {
            UserId = userId, Article = SubjectKinds.Article, Theme = SubjectKinds.Theme, reader.Visibilities,
        }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
    }

    /// <summary>
    /// Invites an approved member who may see the item. A declined invitation may be made again (the same row goes
    /// back to Invited); an Active co-author or an open invitation is refused.
    /// </summary>
    public Task<CoauthorOutcome> InviteAsync(string subjectKind, Guid subjectId, Guid inviteeId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        const string InviteeSql = """
            SELECT u.DisplayName, u.ApprovalStatus, r.Name AS Role
            FROM Users u
            LEFT JOIN UserRoles ur ON ur.UserId = u.Id
            LEFT JOIN Roles r ON r.Id = ur.RoleId
            WHERE u.Id = @Id
            """;
        const string InsertSql = """
            INSERT INTO Coauthors (SubjectKind, SubjectId, UserId, Status, InvitedById, CreatedAt, RespondedAt)
            VALUES (@SubjectKind, @SubjectId, @UserId, 'Invited', @InvitedById, @Now, NULL)
            """;
        const string ReinviteSql = """
            UPDATE Coauthors SET Status = 'Invited', InvitedById = @InvitedById, CreatedAt = @Now, RespondedAt = NULL
            WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId AND UserId = @UserId AND Status = 'Declined'
            """;
        return InTransactionAsync(subjectKind, subjectId, async (connection, transaction, item) =>
        {
            var rows = (await connection.QueryAsync<(string DisplayName, string ApprovalStatus, string? Role)>(new CommandDefinition(
                InviteeSql, new { Id = inviteeId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            if (rows.Count == 0 || rows[0].ApprovalStatus != nameof(ApprovalStatus.Approved))
            {
                return CoauthorOutcome.NotAMember;
            }

            var invitee = new Reader(inviteeId, rows.Where(r => r.Role is not null).Select(r => r.Role!).ToHashSet(StringComparer.Ordinal));
            if (!invitee.IsNetworkMember)
            {
                return CoauthorOutcome.NotAMember;
            }

            if (!Enum.TryParse<Visibility>(item.Visibility, out var visibility) || !invitee.MaySee(visibility))
            {
                return CoauthorOutcome.MayNotSee;
            }

            var parameters = new { SubjectKind = subjectKind, SubjectId = subjectId, UserId = inviteeId, InvitedById = actor.Id, Now = DateTimeOffset.UtcNow };
            var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(StatusSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            switch (status)
            {
                case nameof(CoauthorStatus.Active):
                    return CoauthorOutcome.AlreadyCoauthor;
                case nameof(CoauthorStatus.Invited):
                    return CoauthorOutcome.AlreadyInvited;
                case null:
                    await connection.ExecuteAsync(new CommandDefinition(InsertSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                    break;
                default:
                    await connection.ExecuteAsync(new CommandDefinition(ReinviteSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                    break;
            }

            await AuditAsync(connection, transaction, "coauthor.invited", item, $"{rows[0].DisplayName} uitgenodigd als co-auteur van '{item.Title}'",
                actor, status, nameof(CoauthorStatus.Invited), cancellationToken).ConfigureAwait(false);
            return CoauthorOutcome.Done;
        }, cancellationToken);
    }

    /// <summary>The invitee accepts their own open invitation: from the next request on they may edit the item.</summary>
    public Task<CoauthorOutcome> AcceptAsync(string subjectKind, Guid subjectId, Actor invitee, CancellationToken cancellationToken = default)
        => AnswerAsync(subjectKind, subjectId, invitee, CoauthorStatus.Active, "coauthor.accepted", "aanvaard", cancellationToken);

    public Task<CoauthorOutcome> DeclineAsync(string subjectKind, Guid subjectId, Actor invitee, CancellationToken cancellationToken = default)
        => AnswerAsync(subjectKind, subjectId, invitee, CoauthorStatus.Declined, "coauthor.declined", "afgeslagen", cancellationToken);

    /// <summary>
    /// Removes an Active co-author (or withdraws an open invitation); <paramref name="actor"/> the same person is
    /// leaving. The last Active co-author stays: the DELETE itself counts the others, so two co-authors removing
    /// each other at the same moment cannot leave the item without one.
    /// </summary>
    public Task<CoauthorOutcome> RemoveAsync(string subjectKind, Guid subjectId, Guid userId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        const string NameSql = "SELECT DisplayName FROM Users WHERE Id = @UserId";
        const string RemoveSql = """
            DELETE FROM Coauthors
            WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId AND UserId = @UserId
              AND (Status = 'Invited'
                   OR (Status = 'Active' AND (SELECT COUNT(*) FROM Coauthors o
                                              WHERE o.SubjectKind = @SubjectKind AND o.SubjectId = @SubjectId AND o.Status = 'Active') > 1))
            """;
        return InTransactionAsync(subjectKind, subjectId, async (connection, transaction, item) =>
        {
            var parameters = new { SubjectKind = subjectKind, SubjectId = subjectId, UserId = userId };
            var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(StatusSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (status is not (nameof(CoauthorStatus.Active) or nameof(CoauthorStatus.Invited)))
            {
                return CoauthorOutcome.NotFound;
            }

            if (await connection.ExecuteAsync(new CommandDefinition(RemoveSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
            {
                return CoauthorOutcome.LastCoauthor;
            }

            var name = await connection.ExecuteScalarAsync<string>(new CommandDefinition(NameSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var (action, summary) = (userId == actor.Id, status) switch
            {
                (true, nameof(CoauthorStatus.Active)) => ("coauthor.left", $"{name} is geen co-auteur meer van '{item.Title}' (vertrokken)"),
                (_, nameof(CoauthorStatus.Invited)) => ("coauthor.invitation-withdrawn", $"Uitnodiging van {name} als co-auteur van '{item.Title}' ingetrokken"),
                _ => ("coauthor.removed", $"{name} verwijderd als co-auteur van '{item.Title}'"),
            };
            await AuditAsync(connection, transaction, action, item, summary, actor, status, null, cancellationToken).ConfigureAwait(false);
            return CoauthorOutcome.Done;
        }, cancellationToken);
    }

    private Task<CoauthorOutcome> AnswerAsync(string subjectKind, Guid subjectId, Actor invitee, CoauthorStatus answer, string action, string verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitee);
        const string AnswerSql = """
            UPDATE Coauthors SET Status = @Answer, RespondedAt = @Now
            WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId AND UserId = @UserId AND Status = 'Invited'
            """;
        return InTransactionAsync(subjectKind, subjectId, async (connection, transaction, item) =>
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(AnswerSql, new
            {
                SubjectKind = subjectKind, SubjectId = subjectId, UserId = invitee.Id, Answer = answer.ToString(), Now = DateTimeOffset.UtcNow,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (changed == 0)
            {
                return CoauthorOutcome.NotFound;
            }

            await AuditAsync(connection, transaction, action, item, $"{invitee.Name} heeft de uitnodiging als co-auteur van '{item.Title}' {verb}",
                invitee, nameof(CoauthorStatus.Invited), answer.ToString(), cancellationToken).ConfigureAwait(false);
            return CoauthorOutcome.Done;
        }, cancellationToken);
    }

    private sealed record Item(string SubjectKind, Guid Id, string Slug, string Title, string Visibility);

    /// <summary>One transaction for one change, committed only when it was done; NotFound when the item does not exist.</summary>
    private async Task<CoauthorOutcome> InTransactionAsync(string subjectKind, Guid subjectId,
        Func<DbConnection, DbTransaction, Item, Task<CoauthorOutcome>> change, CancellationToken cancellationToken)
    {
        var sql = subjectKind switch
        {
            SubjectKinds.Article => ArticleSql,
            SubjectKinds.Theme => ThemeSql,
            _ => throw new ArgumentOutOfRangeException(nameof(subjectKind), subjectKind, "Alleen kennisartikelen en thema's hebben co-auteurs."),
        };
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(Guid Id, string Slug, string Title, string Visibility)?>(new CommandDefinition(
            sql, new { Id = subjectId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var outcome = row is { } found
            ? await change(connection, transaction, new Item(subjectKind, found.Id, found.Slug, found.Title, found.Visibility)).ConfigureAwait(false)
            : CoauthorOutcome.NotFound;
        if (outcome == CoauthorOutcome.Done)
        {
            await ContentVersion.BumpAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private static Task AuditAsync(DbConnection connection, DbTransaction transaction, string action, Item item, string summary, Actor actor,
        string? before, string? after, CancellationToken cancellationToken)
        => AuditLog.WriteAsync(connection, transaction, new AuditEntry(action, item.SubjectKind, item.Id, summary, actor.Id, actor.Name, before, after), cancellationToken);
}

/// <summary>An Active co-author as the item page names them; <see cref="Slug"/> is their /mensen address (null while they have none).</summary>
public sealed record ItemAuthor
{
    public required string DisplayName { get; init; }

    public string? Slug { get; init; }
}
