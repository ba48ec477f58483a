using System.Data.Common;
using Dapper;
using KennisHub.Core.Data;
using KennisHub.Core.Markdown;

namespace KennisHub.Core.Search;

/// <summary>
/// Keeps the search index in step with the items: every write of a searchable item calls <see cref="UpsertAsync"/>
/// (or <see cref="RemoveAsync"/> when it deletes one) inside its own transaction, so the index commits or rolls back
/// with the change. The item is read back from its tables in that transaction, analysed (DutchAnalyzer) and written
/// under a new DocId, which makes DocId order "most recently written": the order the bounded search stops in.
/// </summary>
public static class SearchIndex
{
    private static readonly MarkdownRenderer Renderer = new();

    private sealed record SourceRow
    {
        public required string Slug { get; init; }

        public required string Title { get; init; }

        public required string Summary { get; init; }

        public required string Body { get; init; }

        public required string Visibility { get; init; }

        public string? OrganisationName { get; init; }

        public required DateTimeOffset ItemDate { get; init; }
    }

    public static async Task UpsertAsync(DbConnection connection, DbTransaction transaction, string kind, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var searchKind = SearchKinds.Get(kind);
        var dialect = Dialect(connection);
        var source = await connection.QuerySingleOrDefaultAsync<SourceRow>(new CommandDefinition(
            searchKind.LoadSql, new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (source is null)
        {
            await RemoveAsync(connection, transaction, kind, id, cancellationToken).ConfigureAwait(false);
            return;
        }

        var keywords = await connection.QueryAsync<string>(new CommandDefinition(
            searchKind.KeywordsSql, new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var context = searchKind.ContextSql is null
            ? []
            : await connection.QueryAsync<string>(new CommandDefinition(
                searchKind.ContextSql, new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        await RemoveAsync(connection, transaction, kind, id, cancellationToken).ConfigureAwait(false);

        const string NextDocIdSql = "SELECT COALESCE(MAX(DocId), 0) + 1 FROM SearchDocuments";
        const string InsertSql = """
            INSERT INTO SearchDocuments (DocId, Kind, SubjectId, Slug, Title, Summary, Visibility, OrganisationName, ItemDate)
            VALUES (@DocId, @Kind, @SubjectId, @Slug, @Title, @Summary, @Visibility, @OrganisationName, @ItemDate)
            """;
        var docId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(NextDocIdSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            DocId = docId, Kind = kind, SubjectId = id, source.Slug, source.Title, source.Summary, source.Visibility, source.OrganisationName, source.ItemDate,
        }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        var body = searchKind.BodyIsMarkdown ? Renderer.Render(source.Body).PlainText : source.Body;
        var keywordText = string.Join(' ', keywords);
        var contextText = string.Join(' ', context.Append(source.OrganisationName ?? string.Empty));
        var title = DutchAnalyzer.Analyse(source.Title);
        var keywordTerms = DutchAnalyzer.Analyse(keywordText);
        var summary = DutchAnalyzer.Analyse(source.Summary);
        var contextTerms = DutchAnalyzer.Analyse(contextText);

        // The body index holds all the text, so one index answers "does it match anywhere" (exclusions, completeness).
        var all = string.Join(' ', title, keywordTerms, summary, contextTerms, DutchAnalyzer.Analyse(body));
        await connection.ExecuteAsync(new CommandDefinition(dialect.SearchTextInsert, new
        {
            DocId = docId, Title = title, Keywords = keywordTerms, Summary = summary, Context = contextTerms, Body = all,
        }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public static async Task RemoveAsync(DbConnection connection, DbTransaction transaction, string kind, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string FindSql = "SELECT DocId FROM SearchDocuments WHERE Kind = @Kind AND SubjectId = @SubjectId";
        const string DeleteSql = "DELETE FROM SearchDocuments WHERE DocId = @DocId";
        var existing = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            FindSql, new { Kind = kind, SubjectId = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (existing is not { } docId)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(Dialect(connection).SearchTextDelete, new { DocId = docId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { DocId = docId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Rebuilds the whole index from the items (the <c>reindex</c> command), in batches of one transaction each.</summary>
    public static async Task RebuildAsync(Db db, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        const string ClearSql = "DELETE FROM SearchDocuments";
        const int BatchSize = 500;
        var work = new List<(string Kind, Guid Id)>();
        await using (var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var kind in SearchKinds.All)
            {
                var ids = await connection.QueryAsync<Guid>(new CommandDefinition(kind.IdsSql, cancellationToken: cancellationToken)).ConfigureAwait(false);
                work.AddRange(ids.Select(id => (kind.Name, id)));
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(db.Dialect.SearchTextClear, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(ClearSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var start = 0; start < work.Count; start += BatchSize)
        {
            await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (kind, id) in work.Skip(start).Take(BatchSize))
            {
                await UpsertAsync(connection, transaction, kind, id, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report((Math.Min(start + BatchSize, work.Count), work.Count));
        }
    }

    private static SqlDialect Dialect(DbConnection connection)
        => connection is SeamConnection seam ? seam.Db.Dialect : throw new InvalidOperationException("Zoeken verwacht een verbinding van Db.OpenAsync.");
}
