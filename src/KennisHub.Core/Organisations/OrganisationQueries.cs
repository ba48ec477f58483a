using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Organisations;

/// <summary>The read side of organisations. Organisations themselves are public; their articles go through the Reader (ArticleQueries).</summary>
public sealed class OrganisationQueries(Db db)
{
    private const string ListSelect = "SELECT Id, Slug, Name, Kind, Province, Inhabitants FROM Organisations";

    /// <summary>The list order: IX_Organisations_Name, and IX_Organisations_Kind/_Province behind a filter, hold it.</summary>
    private const string ByName = " ORDER BY Name, Slug";

    // One statement per filter, so that each can use its index (an "@Kind IS NULL OR Kind = @Kind" clause cannot).
    private const string AllSql = ListSelect + ByName;
    private const string ByKindSql = ListSelect + " WHERE Kind = @Kind" + ByName;
    private const string ByProvinceSql = ListSelect + " WHERE Province = @Province" + ByName;
    private const string ByKindAndProvinceSql = ListSelect + " WHERE Kind = @Kind AND Province = @Province" + ByName;

    /// <summary>One page of the organisations, by name, filtered by kind and/or province.</summary>
    public async Task<ListPage<OrganisationSummary>> ListAsync(
        OrganisationFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = (filter.Kind, filter.Province) switch
        {
            (null, null) => db.Dialect.Page(AllSql),
            (not null, null) => db.Dialect.Page(ByKindSql),
            (null, not null) => db.Dialect.Page(ByProvinceSql),
            _ => db.Dialect.Page(ByKindAndProvinceSql),
        };

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryListPageAsync<OrganisationSummary>(
            sql, new { Kind = filter.Kind?.ToString(), filter.Province }, page, pageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The provinces that occur, for the filter (read from IX_Organisations_Province alone).</summary>
    public async Task<IReadOnlyList<string>> ListProvincesAsync(CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT DISTINCT Province FROM Organisations
            WHERE Province IS NOT NULL
            ORDER BY Province
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(Sql, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>An organisation with its member count; null when unknown.</summary>
    public async Task<OrganisationDetail?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT o.Id, o.Slug, o.Name, o.Kind, o.CbsCode, o.Province, o.Inhabitants, o.Website, o.Place, o.DescriptionHtml, o.UpdatedAt,
                   (SELECT COUNT(*) FROM Memberships m WHERE m.OrganisationId = o.Id AND m.Status = @Approved) AS MemberCount
            FROM Organisations o
            WHERE o.Slug = @Slug
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<OrganisationDetail>(
            new CommandDefinition(Sql, new { Slug = slug, Approved = nameof(MembershipStatus.Approved) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
