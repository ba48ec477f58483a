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
}
