using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Following;

/// <summary>What a member can follow (stored by name in Follows.SubjectKind).</summary>
public enum FollowKind
{
    Article,
    Theme,
    Organisation,
    Keyword,
}

/// <summary>Something the member follows, as they may see it now.</summary>
public sealed record FollowedItem
{
    public required FollowKind Kind { get; init; }

    public required Guid SubjectId { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// One change in what the member follows: an article, theme or organisation that changed (Kind, Slug, Title, when),
/// and the follow that brought it (Via: the article itself, its theme, organisation or keyword).
/// </summary>
public sealed record FollowedChange
{
    public required FollowKind Kind { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required FollowKind ViaKind { get; init; }

    public required string ViaTitle { get; init; }
}

/// <summary>
/// Following (volgen): a member follows articles, themes, organisations and keywords; Mijn KennisHub shows what changed
/// in them since the member's previous visit. Every read goes through the Reader's visibilities, so a follow of
/// something that became hidden shows nothing; every follow and unfollow writes the audit log in its transaction.
/// </summary>
public sealed class Follows(Db db, TimeProvider time)
{
    private sealed record VisitRow
    {
        public DateTimeOffset? PreviousVisitAt { get; init; }

        public DateTimeOffset LastVisitAt { get; init; }
    }

    /// <summary>A new visit after this long counts as a new visit (the changes shown move on); within it, a reload keeps them.</summary>
    public static readonly TimeSpan VisitGap = TimeSpan.FromMinutes(30);

    /// <summary>How far back the first visit looks.</summary>
    public static readonly TimeSpan FirstVisitWindow = TimeSpan.FromDays(30);

    public async Task<bool> IsFollowingAsync(Guid userId, FollowKind kind, Guid subjectId, CancellationToken cancellationToken = default)
    {
        const string Sql = "SELECT COUNT(*) FROM Follows WHERE UserId = @UserId AND SubjectKind = @Kind AND SubjectId = @SubjectId";
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            Sql, new { UserId = userId, Kind = kind.ToString(), SubjectId = subjectId }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>Starts following; false when the member already followed it. The caller found the subject through the Reader.</summary>
    public async Task<bool> FollowAsync(Actor member, FollowKind kind, Guid subjectId, string title, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        const string Sql = """
            INSERT INTO Follows (UserId, SubjectKind, SubjectId, CreatedAt)
            SELECT @UserId, @Kind, @SubjectId, @Now
            WHERE NOT EXISTS (SELECT 1 FROM Follows WHERE UserId = @UserId AND SubjectKind = @Kind AND SubjectId = @SubjectId)
            """;
        return await ChangeAsync(Sql, "follow.added", $"Volgt nu '{title}'", member, kind, subjectId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops following; false when the member did not follow it. Only ever the member's own follow.</summary>
    public async Task<bool> UnfollowAsync(Actor member, FollowKind kind, Guid subjectId, string title, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        const string Sql = "DELETE FROM Follows WHERE UserId = @UserId AND SubjectKind = @Kind AND SubjectId = @SubjectId";
        return await ChangeAsync(Sql, "follow.removed", $"Volgt '{title}' niet meer", member, kind, subjectId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ChangeAsync(string sql, string action, string summary, Actor member, FollowKind kind, Guid subjectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            sql, new { UserId = member.Id, Kind = kind.ToString(), SubjectId = subjectId, Now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changed == 0)
        {
            return false;
        }

        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            action, kind.ToString(), subjectId, summary, member.Id, member.Name, NewValue: member.Id.ToString()), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>What the member follows and may still see, newest follow first.</summary>
    public async Task<IReadOnlyList<FollowedItem>> ListAsync(Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        const string Sql = """
            SELECT f.SubjectKind AS Kind, f.SubjectId, a.Slug, a.Title, f.CreatedAt
            FROM Follows f INNER JOIN Articles a ON a.Id = f.SubjectId
            WHERE f.UserId = @UserId AND f.SubjectKind = 'Article' AND a.Visibility IN @Visibilities
            UNION ALL
            SELECT f.SubjectKind, f.SubjectId, t.Slug, t.Title, f.CreatedAt
            FROM Follows f INNER JOIN Themes t ON t.Id = f.SubjectId
            WHERE f.UserId = @UserId AND f.SubjectKind = 'Theme' AND t.Visibility IN @Visibilities
            UNION ALL
            SELECT f.SubjectKind, f.SubjectId, o.Slug, o.Name, f.CreatedAt
            FROM Follows f INNER JOIN Organisations o ON o.Id = f.SubjectId
            WHERE f.UserId = @UserId AND f.SubjectKind = 'Organisation'
            UNION ALL
            SELECT f.SubjectKind, f.SubjectId, k.Slug, k.Name, f.CreatedAt
            FROM Follows f INNER JOIN Keywords k ON k.Id = f.SubjectId
            WHERE f.UserId = @UserId AND f.SubjectKind = 'Keyword'
            ORDER BY CreatedAt DESC
            """;
        if (reader.UserId is not { } userId)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<FollowedItem>(new CommandDefinition(
            Sql, new { UserId = userId, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
    }

    /// <summary>
    /// What changed since <paramref name="since"/> in what the member follows and may see, newest first, each item once
    /// (a direct follow names itself; else the first follow that brought it), at most <paramref name="take"/>.
    /// </summary>
    public async Task<IReadOnlyList<FollowedChange>> ChangesSinceAsync(Reader reader, DateTimeOffset since, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        // Each branch starts from the member's follows (primary key), then the subject and its articles by their indexes.
        const string Sql = """
            SELECT 'Article' AS Kind, a.Slug, a.Title, a.UpdatedAt, 'Article' AS ViaKind, a.Title AS ViaTitle
            FROM Follows f INNER JOIN Articles a ON a.Id = f.SubjectId
            WHERE f.UserId = @UserId AND f.SubjectKind = 'Article' AND a.Visibility IN @Visibilities AND a.UpdatedAt > @Since
            UNION ALL
            SELECT 'Theme', t.Slug, t.Title, t.UpdatedAt, 'Theme', t.Title
            FROM Follows f INNER JOIN Themes t ON t.Id = f.SubjectId
            WHERE f.UserId = @UserId AND f.SubjectKind = 'Theme' AND t.Visibility IN @Visibilities AND t.UpdatedAt > @Since
            UNION ALL
            SELECT 'Article', a.Slug, a.Title, a.UpdatedAt, 'Theme', t.Title
            FROM Follows f
            INNER JOIN Themes t ON t.Id = f.SubjectId
            INNER JOIN ArticleThemes art ON art.ThemeId = t.Id
            INNER JOIN Articles a ON a.Id = art.ArticleId
            WHERE f.UserId = @UserId AND f.SubjectKind = 'Theme' AND t.Visibility IN @Visibilities
              AND a.Visibility IN @Visibilities AND a.UpdatedAt > @Since
            UNION ALL
            SELECT 'Organisation', o.Slug, o.Name, o.UpdatedAt, 'Organisation', o.Name
            FROM Follows f INNER JOIN Organisations o ON o.Id = f.SubjectId
            WHERE f.UserId = @UserId AND f.SubjectKind = 'Organisation' AND o.UpdatedAt > @Since
            UNION ALL
            SELECT 'Article', a.Slug, a.Title, a.UpdatedAt, 'Organisation', o.Name
            FROM Follows f
            INNER JOIN Organisations o ON o.Id = f.SubjectId
            INNER JOIN Articles a ON a.OrganisationId = o.Id
            WHERE f.UserId = @UserId AND f.SubjectKind = 'Organisation' AND a.Visibility IN @Visibilities AND a.UpdatedAt > @Since
            UNION ALL
            SELECT 'Article', a.Slug, a.Title, a.UpdatedAt, 'Keyword', k.Name
            FROM Follows f
            INNER JOIN Keywords k ON k.Id = f.SubjectId
            INNER JOIN ArticleKeywords ak ON ak.KeywordId = k.Id
            INNER JOIN Articles a ON a.Id = ak.ArticleId
            WHERE f.UserId = @UserId AND f.SubjectKind = 'Keyword' AND a.Visibility IN @Visibilities AND a.UpdatedAt > @Since
            ORDER BY UpdatedAt DESC, Slug, ViaKind
            """;
        if (reader.UserId is not { } userId || take <= 0)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var arguments = new DynamicParameters(new { UserId = userId, reader.Visibilities, Since = since });
        arguments.Add("Skip", 0);
        arguments.Add("Take", take * 4);
        var rows = await connection.QueryAsync<FollowedChange>(new CommandDefinition(
            db.Dialect.Page(Sql), arguments, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows
            .GroupBy(change => (change.Kind, change.Slug))
            .Select(group => group.FirstOrDefault(change => change.ViaKind == change.Kind) ?? group.First())
            .OrderByDescending(change => change.UpdatedAt).ThenBy(change => change.Slug, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }

    /// <summary>
    /// Records a visit to Mijn KennisHub and returns the moment its changes count from: the previous visit (a reload
    /// within <see cref="VisitGap"/> keeps the same moment), or <see cref="FirstVisitWindow"/> ago on a first visit.
    /// </summary>
    public async Task<DateTimeOffset> VisitAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        const string ReadSql = "SELECT PreviousVisitAt, LastVisitAt FROM MijnVisits WHERE UserId = @UserId";
        const string InsertSql = """
            INSERT INTO MijnVisits (UserId, PreviousVisitAt, LastVisitAt)
            SELECT Id, NULL, @Now FROM Users WHERE Id = @UserId
            """;
        const string UpdateSql = "UPDATE MijnVisits SET PreviousVisitAt = @Previous, LastVisitAt = @Now WHERE UserId = @UserId";
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var visit = await connection.QuerySingleOrDefaultAsync<VisitRow>(new CommandDefinition(
            ReadSql, new { UserId = userId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        DateTimeOffset? previous;
        if (visit is not { } known)
        {
            previous = null;
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new { UserId = userId, Now = now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        else
        {
            previous = now - known.LastVisitAt > VisitGap ? known.LastVisitAt : known.PreviousVisitAt;
            await connection.ExecuteAsync(new CommandDefinition(
                UpdateSql, new { UserId = userId, Previous = previous, Now = now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return previous ?? now - FirstVisitWindow;
    }
}
