using Dapper;
using KennisHub.Core.Articles;
using KennisHub.Core.Data;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Organisations;

/// <summary>The read side of organisations. Organisations themselves are public; their articles go through the Reader.</summary>
public sealed class OrganisationQueries(Db db)
{
    public async Task<PagedList<OrganisationSummary>> ListAsync(
        OrganisationFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        const string Sql = """
            SELECT Id, Slug, Name, Kind, Province, Inhabitants, CAST(COUNT(*) OVER () AS BIGINT) AS TotalCount
            FROM Organisations
            WHERE (@Kind IS NULL OR Kind = @Kind) AND (@Province IS NULL OR Province = @Province)
            ORDER BY Name, Slug
            """;
        var parameters = new
        {
            Kind = filter.Kind?.ToString(),
            filter.Province,
            Skip = PagedList<OrganisationSummary>.Skip(page, pageSize),
            Take = pageSize,
        };

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryPageAsync<OrganisationSummary>(db.Dialect.Page(Sql), parameters, page, pageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The provinces that occur, for the filter.</summary>
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

    /// <summary>An organisation with its member count and the articles this reader may see; null when unknown.</summary>
    public async Task<OrganisationDetail?> FindBySlugAsync(Reader reader, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        const string Sql = """
            SELECT o.Id, o.Slug, o.Name, o.Kind, o.CbsCode, o.Province, o.Inhabitants, o.Website, o.DescriptionHtml, o.UpdatedAt,
                   (SELECT COUNT(*) FROM Memberships m WHERE m.OrganisationId = o.Id) AS MemberCount
            FROM Organisations o
            WHERE o.Slug = @Slug
            """;
        const string ArticlesSql = """
            SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt,
                   o.Slug AS OrganisationSlug, o.Name AS OrganisationName
            FROM Articles a
            INNER JOIN Organisations o ON o.Id = a.OrganisationId
            WHERE a.OrganisationId = @OrganisationId AND a.Visibility IN @Visibilities
            ORDER BY a.UpdatedAt DESC, a.Slug
            """;

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var organisation = await connection.QuerySingleOrDefaultAsync<OrganisationDetail>(
            new CommandDefinition(Sql, new { Slug = slug }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (organisation is null)
        {
            return null;
        }

        var articles = await connection.QueryAsync<ArticleSummary>(new CommandDefinition(
            ArticlesSql, new { OrganisationId = organisation.Id, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return organisation with { Articles = articles.AsList() };
    }
}
