using Dapper;
using KennisHub.Core.Data;

namespace KennisHub.Core.Content;

/// <summary>Who may edit an item as its author: its Active rows in Coauthors (migration 0007).</summary>
public sealed class Authorship(Db db)
{
    /// <summary>Whether this person is an Active co-author of the article or theme (one primary-key read).</summary>
    public async Task<bool> IsActiveCoauthorAsync(string subjectKind, Guid subjectId, Guid userId, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT COUNT(*) FROM Coauthors
            WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId AND UserId = @UserId AND Status = 'Active'
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            Sql, new { SubjectKind = subjectKind, SubjectId = subjectId, UserId = userId }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }
}
