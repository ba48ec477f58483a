using System.Data.Common;
using Dapper;
using KennisHub.Core.Data;

namespace KennisHub.Core.Keywords;

/// <summary>A keyword (trefwoord). Keywords are labels, not texts: they carry no visibility of their own.</summary>
public sealed record Keyword
{
    public required Guid Id { get; init; }

    public required string Slug { get; init; }

    public required string Name { get; init; }
}

/// <summary>The read side of keywords.</summary>
public sealed class KeywordQueries(Db db)
{
    public async Task<Keyword?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        const string Sql = "SELECT Id, Slug, Name FROM Keywords WHERE Slug = @Slug";
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<Keyword>(
            new CommandDefinition(Sql, new { Slug = slug }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    internal static async Task<IReadOnlyList<Keyword>> ListForArticleAsync(DbConnection connection, Guid articleId, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT k.Id, k.Slug, k.Name
            FROM ArticleKeywords ak
            INNER JOIN Keywords k ON k.Id = ak.KeywordId
            WHERE ak.ArticleId = @ArticleId
            ORDER BY k.Name
            """;
        var rows = await connection.QueryAsync<Keyword>(
            new CommandDefinition(Sql, new { ArticleId = articleId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    internal static async Task<IReadOnlyList<Keyword>> ListForThemeAsync(DbConnection connection, Guid themeId, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT k.Id, k.Slug, k.Name
            FROM ThemeKeywords tk
            INNER JOIN Keywords k ON k.Id = tk.KeywordId
            WHERE tk.ThemeId = @ThemeId
            ORDER BY k.Name
            """;
        var rows = await connection.QueryAsync<Keyword>(
            new CommandDefinition(Sql, new { ThemeId = themeId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }
}
