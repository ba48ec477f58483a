using System.Data.Common;
using Dapper;
using KennisHub.Core.Content;
using KennisHub.Core.Data;
using KennisHub.Core.Organisations;
using KennisHub.Core.Reading;
using KennisHub.Core.Revisions;

namespace KennisHub.Core.Network;

/// <summary>A person's profile as signed-in members see it on /mensen/{slug}.</summary>
public sealed record PersonProfile
{
    public required Guid UserId { get; init; }

    public required string Slug { get; init; }

    public required string DisplayName { get; init; }

    public IReadOnlyList<PersonOrganisation> Organisations { get; init; } = [];

    public IReadOnlyList<PersonItem> Themes { get; init; } = [];

    public IReadOnlyList<PersonItem> Articles { get; init; } = [];
}

/// <summary>An organisation the person belongs to (approved), with their function there.</summary>
public sealed record PersonOrganisation
{
    public required string Slug { get; init; }

    public required string Name { get; init; }

    public string? JobTitle { get; init; }

    public bool IsContactPerson { get; init; }
}

/// <summary>A member found by name (to invite as co-author).</summary>
public sealed record MemberMatch
{
    public required Guid UserId { get; init; }

    public required string DisplayName { get; init; }

    public string? Slug { get; init; }
}

/// <summary>A theme or article of the person, as a link.</summary>
public sealed record PersonItem
{
    public required string Slug { get; init; }

    public required string Title { get; init; }
}

/// <summary>
/// People's profiles: only for signed-in members (the page's policy), and the themes and articles listed are only
/// those the reader may see. Slugs are given when a person first needs a profile (their first approved membership,
/// or opening their own profile).
/// </summary>
public sealed class People(Db db)
{
    private const string FindSql = "SELECT Id AS UserId, Slug, DisplayName FROM Users WHERE Slug = @Slug";

    /// <summary>The profile at this address, or null when there is none.</summary>
    public async Task<PersonProfile?> FindBySlugAsync(Reader reader, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        const string OrganisationsSql = """
            SELECT o.Slug, o.Name, m.JobTitle, m.IsContactPerson
            FROM Memberships m
            INNER JOIN Organisations o ON o.Id = m.OrganisationId
            WHERE m.UserId = @UserId AND m.Status = @Approved
            ORDER BY o.Name
            """;
        const string ThemesSql = """
            SELECT t.Slug, t.Title
            FROM Coauthors c
            INNER JOIN Themes t ON t.Id = c.SubjectId
            WHERE c.UserId = @UserId AND c.Status = 'Active' AND c.SubjectKind = @Theme AND t.Visibility IN @Visibilities
            ORDER BY t.Title
            """;
        const string ArticlesSql = """
            SELECT a.Slug, a.Title
            FROM Articles a
            WHERE a.AuthorId = @UserId AND a.Visibility IN @Visibilities
            ORDER BY a.UpdatedAt DESC, a.Id
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var person = await connection.QuerySingleOrDefaultAsync<PersonProfile>(new CommandDefinition(FindSql, new { Slug = slug }, cancellationToken: cancellationToken));
        if (person is null)
        {
            return null;
        }

        var parameters = new
        {
            person.UserId,
            Approved = nameof(MembershipStatus.Approved),
            Theme = SubjectKinds.Theme,
            reader.Visibilities,
        };
        var organisations = await connection.QueryAsync<PersonOrganisation>(new CommandDefinition(OrganisationsSql, parameters, cancellationToken: cancellationToken));
        var themes = await connection.QueryAsync<PersonItem>(new CommandDefinition(ThemesSql, parameters, cancellationToken: cancellationToken));
        var articles = await connection.QueryAsync<PersonItem>(new CommandDefinition(ArticlesSql, parameters, cancellationToken: cancellationToken));
        return person with { Organisations = organisations.AsList(), Themes = themes.AsList(), Articles = articles.AsList() };
    }

    /// <summary>
    /// Approved members whose display name contains <paramref name="name"/> (LIKE's wildcards typed are matched as
    /// themselves), by name, at most <paramref name="take"/>: whom a co-author can invite. Nothing for empty input.
    /// </summary>
    public async Task<IReadOnlyList<MemberMatch>> SearchMembersAsync(string? name, int take, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT u.Id AS UserId, u.DisplayName, u.Slug
            FROM Users u
            WHERE u.ApprovalStatus = 'Approved' AND u.DisplayName LIKE @Pattern ESCAPE '\'
            ORDER BY u.DisplayName, u.Id
            """;
        if (LikePattern.Containing(name) is not { } pattern)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<MemberMatch>(new CommandDefinition(
            db.Dialect.Page(Sql), new { Pattern = pattern, Skip = 0, Take = take }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The person's profile address, or null while they have none.</summary>
    public async Task<string?> SlugOfAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        const string Sql = "SELECT Slug FROM Users WHERE Id = @Id";
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(Sql, new { Id = userId }, cancellationToken: cancellationToken));
    }

    /// <summary>The person's own profile address, giving them one when they have none yet.</summary>
    public async Task<string> OwnSlugAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var slug = await EnsureSlugAsync(connection, transaction, userId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return slug;
    }

    /// <summary>
    /// The person's slug, made from their display name when they have none ("Anna de Vries" -> "anna-de-vries", then
    /// "anna-de-vries-2" ...), in the caller's transaction. An address, not a change of what they wrote: no audit line.
    /// </summary>
    public static async Task<string> EnsureSlugAsync(DbConnection connection, DbTransaction transaction, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string CurrentSql = "SELECT Slug, DisplayName FROM Users WHERE Id = @Id";
        const string TakenSql = "SELECT COUNT(*) FROM Users WHERE Slug = @Slug";
        const string SetSql = "UPDATE Users SET Slug = @Slug WHERE Id = @Id AND Slug IS NULL";
        var current = await connection.QuerySingleAsync<(string? Slug, string DisplayName)>(new CommandDefinition(
            CurrentSql, new { Id = userId }, transaction, cancellationToken: cancellationToken));
        if (current.Slug is not null)
        {
            return current.Slug;
        }

        var stem = Slugs.Slugify(current.DisplayName);
        stem = stem.Length == 0 ? "lid" : stem[..Math.Min(stem.Length, 180)].TrimEnd('-');
        var slug = stem;
        for (var n = 2; await connection.ExecuteScalarAsync<int>(new CommandDefinition(TakenSql, new { Slug = slug }, transaction, cancellationToken: cancellationToken)) > 0; n++)
        {
            slug = $"{stem}-{n}";
        }

        await connection.ExecuteAsync(new CommandDefinition(SetSql, new { Id = userId, Slug = slug }, transaction, cancellationToken: cancellationToken));
        return slug;
    }
}
