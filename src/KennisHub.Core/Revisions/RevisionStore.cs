using System.Data.Common;
using Dapper;
using KennisHub.Core.Data;

namespace KennisHub.Core.Revisions;

/// <summary>One saved version of a text. Number counts 1, 2, 3... per subject.</summary>
public sealed record Revision
{
    public required Guid Id { get; init; }

    public required string SubjectKind { get; init; }

    public required Guid SubjectId { get; init; }

    public required int Number { get; init; }

    public required string Title { get; init; }

    public required string Markdown { get; init; }

    public required string Summary { get; init; }

    public Guid? AuthorId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The kinds of text that keep revisions (stored by name in Revisions.SubjectKind).</summary>
public static class SubjectKinds
{
    public const string Theme = "Theme";
    public const string Article = "Article";
    public const string Position = "Position";
    public const string Amendment = "Amendment";
}

/// <summary>
/// Append-only history of every kind of text (themes, articles, later positions and amendments): a save adds a
/// row, nothing is ever updated or deleted. Reads do not check visibility: a caller first finds the subject
/// through a Reader-filtered query, then asks for its revisions.
/// </summary>
public sealed class RevisionStore(Db db)
{
    /// <summary>Adds the next revision of a subject inside the caller's transaction and returns its number.</summary>
    public static async Task<int> AppendAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string subjectKind,
        Guid subjectId,
        string title,
        string markdown,
        string summary,
        Guid? authorId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // Max + 1 in the same statement as the insert; the unique index on (SubjectKind, SubjectId, Number)
        // turns a concurrent double append into an error instead of two revisions with one number.
        const string Sql = """
            INSERT INTO Revisions (Id, SubjectKind, SubjectId, Number, Title, Markdown, Summary, AuthorId, CreatedAt)
            SELECT @Id, @SubjectKind, @SubjectId, COALESCE(MAX(Number), 0) + 1, @Title, @Markdown, @Summary, @AuthorId, @CreatedAt
            FROM Revisions
            WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId
            """;
        const string NumberSql = "SELECT Number FROM Revisions WHERE Id = @Id";

        var id = Guid.NewGuid();
        await connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            Id = id,
            SubjectKind = subjectKind,
            SubjectId = subjectId,
            Title = title,
            Markdown = markdown,
            Summary = summary,
            AuthorId = authorId,
            CreatedAt = DateTimeOffset.UtcNow,
        }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        return await connection.ExecuteScalarAsync<int>(
            new CommandDefinition(NumberSql, new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Every revision of a subject, newest first.</summary>
    public async Task<IReadOnlyList<Revision>> ListAsync(string subjectKind, Guid subjectId, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT Id, SubjectKind, SubjectId, Number, Title, Markdown, Summary, AuthorId, CreatedAt
            FROM Revisions
            WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId
            ORDER BY Number DESC
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Revision>(new CommandDefinition(
            Sql, new { SubjectKind = subjectKind, SubjectId = subjectId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>One revision of a subject by number, or null.</summary>
    public async Task<Revision?> GetAsync(string subjectKind, Guid subjectId, int number, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT Id, SubjectKind, SubjectId, Number, Title, Markdown, Summary, AuthorId, CreatedAt
            FROM Revisions
            WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId AND Number = @Number
            """;
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<Revision>(new CommandDefinition(
            Sql, new { SubjectKind = subjectKind, SubjectId = subjectId, Number = number }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
