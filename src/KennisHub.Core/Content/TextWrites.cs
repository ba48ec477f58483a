using System.Data.Common;
using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Caching;
using KennisHub.Core.Data;
using KennisHub.Core.Editing;
using KennisHub.Core.Linking;
using KennisHub.Core.Markdown;
using KennisHub.Core.Reading;
using KennisHub.Core.Revisions;
using KennisHub.Core.Search;

namespace KennisHub.Core.Content;

/// <summary>
/// The one write routine of every kind of text (article, theme): the transaction with its retries, the three-way
/// merge against the revision an edit started from, the revision, the versioned update, bodies, slugs with their
/// redirects, keyword and other links, the derived data and the audit line. A kind brings its SQL and its own
/// fields (<see cref="TextKind{TFields, TStored}"/>).
/// </summary>
public static class TextWrites
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 1_000;
    public const int MaxBodyLength = 400_000;
    public const int MaxKeywordLength = 100;
    public const int MaxKeywords = 30;

    /// <summary>How often a write starts again after a concurrent save or a busy database, before it gives up.</summary>
    private const int MaxAttempts = 8;

    /// <summary>
    /// Runs one write in one short transaction, committed only for <see cref="Saved"/> and <see cref="Merged"/>.
    /// A versioned UPDATE that matched no row (someone saved between our read and our write, possible on SQL
    /// Server's read committed) starts the write again, which reads the newer text and merges with it. On SQLite
    /// the transaction begins as a write transaction (BEGIN IMMEDIATE), so writers queue on busy_timeout
    /// instead of failing on a read-to-write upgrade; a writer that still finds the database busy starts again.
    /// </summary>
    internal static async Task<WriteResult> InTransactionAsync(Db db, Func<DbConnection, DbTransaction, Task<WriteResult>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await write(connection, transaction).ConfigureAwait(false);
                if (result is Saved { Changed: true } or Merged)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }

                return result;
            }
            catch (EditConflictException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException exception) when (attempt < MaxAttempts && db.Dialect.IsWriteContention(exception))
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Creates a text with a prepared id. A second submit of the same form (same id) finds what it made and changes
    /// nothing. The revision goes first so that the row can carry its number; all of it is one transaction.
    /// </summary>
    internal static async Task<WriteResult> CreateAsync<TFields, TStored>(Db db, MarkdownRenderer renderer, TextKind<TFields, TStored> kind,
        Guid id, TFields given, Writer writer, string changeSummary, CancellationToken cancellationToken)
        where TFields : TextFields
        where TStored : StoredText
    {
        var fields = Normalized(kind, given);
        if (Validate(kind, fields, changeSummary) is { Count: > 0 } errors)
        {
            return new Invalid(errors);
        }

        var body = renderer.Render(fields.Body);
        return await InTransactionAsync(db, async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<int?>(new CommandDefinition(kind.ExistsSql, new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } existing)
            {
                return new Saved(id, fields.Slug, existing, Changed: false);
            }

            if (await CheckReferencesAsync(connection, transaction, kind, id, fields, cancellationToken).ConfigureAwait(false) is { } invalid)
            {
                return invalid;
            }

            var revision = await RevisionStore.AppendAsync(connection, transaction, kind.SubjectKind, id, fields.Title, fields.Body, fields.Summary,
                changeSummary, writer.UserId, cancellationToken).ConfigureAwait(false);
            var parameters = new DynamicParameters(new
            {
                Id = id, fields.Slug, fields.Title, fields.Summary, fields.Visibility, CurrentRevision = revision, Now = DateTimeOffset.UtcNow,
                BodyMarkdown = fields.Body, BodyHtml = body.Html, BodyText = body.PlainText,
            });
            parameters.AddDynamicParams(kind.InsertParameters(fields, writer));
            await connection.ExecuteAsync(new CommandDefinition(kind.InsertSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await kind.SetLinksAsync(connection, transaction, id, fields, cancellationToken).ConfigureAwait(false);
            await SetKeywordsAsync(connection, transaction, kind, id, fields.Keywords, cancellationToken).ConfigureAwait(false);
            await AddCreatorAsync(connection, transaction, kind.SubjectKind, id, writer, cancellationToken).ConfigureAwait(false);
            await UpdateDerivedDataAsync(connection, transaction, kind.SubjectKind, id, fields.Body, cancellationToken).ConfigureAwait(false);
            await AuditAsync(connection, transaction, kind.CreatedAction, kind.SubjectKind, id,
                $"{kind.Noun} '{fields.Title}' aangemaakt" + Note(changeSummary), writer, null, revision, cancellationToken).ConfigureAwait(false);
            await Drafts.DeleteAsync(connection, transaction, writer.UserId, kind.SubjectKind, Drafts.NewItem, cancellationToken).ConfigureAwait(false);
            return new Saved(id, fields.Slug, revision);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves an edit that started from <paramref name="baseRevision"/>: merged three ways with the saves in between,
    /// a revision only when title, summary or body changed, nothing at all when nothing changed.
    /// </summary>
    internal static async Task<WriteResult> UpdateAsync<TFields, TStored>(Db db, MarkdownRenderer renderer, TextKind<TFields, TStored> kind,
        Guid id, int baseRevision, TFields given, Writer writer, string changeSummary, string action, CancellationToken cancellationToken)
        where TFields : TextFields
        where TStored : StoredText
    {
        var fields = Normalized(kind, given);
        if (Validate(kind, fields, changeSummary) is { Count: > 0 } errors)
        {
            return new Invalid(errors);
        }

        return await InTransactionAsync(db, async (connection, transaction) =>
        {
            var current = await connection.QuerySingleOrDefaultAsync<TStored>(new CommandDefinition(
                kind.CurrentSql, new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (current is null)
            {
                return new Invalid("Id", WriteError.UnknownItem);
            }

            if (await CheckReferencesAsync(connection, transaction, kind, id, fields, cancellationToken).ConfigureAwait(false) is { } invalid)
            {
                return invalid;
            }

            var step = await MergeAsync(connection, transaction, kind.SubjectKind, id, baseRevision,
                new CurrentText(current.CurrentRevision, current.Title, current.Summary, current.BodyMarkdown),
                fields.Title, fields.Summary, fields.Body, cancellationToken).ConfigureAwait(false);
            if (step is not Clean clean)
            {
                return step.Refusal;
            }

            var body = renderer.Render(clean.Markdown);
            var keywordSlugs = await connection.QueryAsync<string>(new CommandDefinition(kind.KeywordSlugsSql, new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var changes = new FieldChanges();
            var textChanged = changes.Text("titel", current.Title, clean.Title) | changes.Text("samenvatting", current.Summary, clean.Summary)
                | changes.Text("tekst", current.BodyMarkdown, clean.Markdown);
            changes.Value("slug", current.Slug, fields.Slug);
            changes.Value("opmaak", current.BodyHtml, body.Html);
            changes.Value("zichtbaarheid", current.Visibility, fields.Visibility);
            await kind.CompareAsync(connection, transaction, id, current, fields, changes, cancellationToken).ConfigureAwait(false);
            changes.Set("trefwoorden", keywordSlugs, fields.Keywords.Select(Slugs.Slugify));
            if (changes.None)
            {
                return new Saved(id, current.Slug, current.CurrentRevision, Changed: false);
            }

            var revision = textChanged
                ? await RevisionStore.AppendAsync(connection, transaction, kind.SubjectKind, id, clean.Title, clean.Markdown, clean.Summary,
                    changeSummary, writer.UserId, cancellationToken).ConfigureAwait(false)
                : current.CurrentRevision;
            var parameters = new DynamicParameters(new
            {
                Id = id, current.Version, fields.Slug, clean.Title, clean.Summary, fields.Visibility, CurrentRevision = revision, Now = DateTimeOffset.UtcNow,
            });
            parameters.AddDynamicParams(kind.UpdateParameters(current, fields));
            await connection.ExecuteVersionedUpdateAsync(new CommandDefinition(kind.UpdateSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(kind.UpdateBodySql, new { Id = id, BodyMarkdown = clean.Markdown, BodyHtml = body.Html, BodyText = body.PlainText },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (!string.Equals(current.Slug, fields.Slug, StringComparison.Ordinal))
            {
                await RenameAsync(connection, transaction, kind.SubjectKind, id, current.Slug, fields.Slug, cancellationToken).ConfigureAwait(false);
            }

            await kind.SetLinksAsync(connection, transaction, id, fields, cancellationToken).ConfigureAwait(false);
            await SetKeywordsAsync(connection, transaction, kind, id, fields.Keywords, cancellationToken).ConfigureAwait(false);
            await UpdateDerivedDataAsync(connection, transaction, kind.SubjectKind, id, clean.Markdown, cancellationToken).ConfigureAwait(false);
            await AuditAsync(connection, transaction, action, kind.SubjectKind, id,
                $"{kind.Noun} '{clean.Title}' {(action == kind.RestoredAction ? "hersteld" : "bijgewerkt")}: {changes}{Note(changeSummary)}{MergeNote(clean.With)}",
                writer, current.CurrentRevision, revision, cancellationToken).ConfigureAwait(false);
            await Drafts.DeleteAsync(connection, transaction, writer.UserId, kind.SubjectKind, id, cancellationToken).ConfigureAwait(false);
            return clean.With.Count > 0
                ? new Merged(id, fields.Slug, revision, clean.With)
                : new Saved(id, fields.Slug, revision);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What other tables derive from the saved text, in the save's transaction: the internal links (what this text
    /// links to, for "Verwijst hierheen"), the search index (re-read from the rows just written) and the page-cache
    /// version.
    /// </summary>
    private static async Task UpdateDerivedDataAsync(DbConnection connection, DbTransaction transaction, string subjectKind, Guid id, string markdown, CancellationToken cancellationToken)
    {
        await ContentLinks.ReplaceAsync(connection, transaction, subjectKind, id, markdown, cancellationToken).ConfigureAwait(false);
        await SearchIndex.UpsertAsync(connection, transaction, subjectKind, id, cancellationToken).ConfigureAwait(false);
        await ContentVersion.BumpAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
    }

    private static TFields Normalized<TFields, TStored>(TextKind<TFields, TStored> kind, TFields fields)
        where TFields : TextFields
        where TStored : StoredText
    {
        TextFields shared = fields;
        return kind.Normalized((TFields)(shared with
        {
            Title = fields.Title.Trim(),
            Slug = fields.Slug.Trim(),
            Summary = fields.Summary.Trim(),
            Keywords = DistinctKeywords(fields.Keywords),
        }));
    }

    private static List<FieldError> Validate<TFields, TStored>(TextKind<TFields, TStored> kind, TFields fields, string changeSummary)
        where TFields : TextFields
        where TStored : StoredText
    {
        var errors = Validate(fields.Title, fields.Slug, fields.Summary, fields.Body, fields.Visibility, fields.Keywords, changeSummary);
        kind.Validate(fields, errors);
        return errors;
    }

    /// <summary>The slug is free for this item (now and as an old slug of another), and the kind's references exist.</summary>
    private static async Task<Invalid?> CheckReferencesAsync<TFields, TStored>(DbConnection connection, DbTransaction transaction, TextKind<TFields, TStored> kind,
        Guid id, TFields fields, CancellationToken cancellationToken)
        where TFields : TextFields
        where TStored : StoredText
    {
        var errors = new List<FieldError>();
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(kind.SlugTakenSql, new { fields.Slug, Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0
            || await IsRedirectOfAnotherAsync(connection, transaction, kind.SubjectKind, fields.Slug, id, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError(nameof(TextFields.Slug), WriteError.SlugTaken));
        }

        await kind.CheckReferencesAsync(connection, transaction, id, fields, errors, cancellationToken).ConfigureAwait(false);
        return errors.Count == 0 ? null : new Invalid(errors);
    }

    private static async Task SetKeywordsAsync<TFields, TStored>(DbConnection connection, DbTransaction transaction, TextKind<TFields, TStored> kind,
        Guid id, IReadOnlyList<string> names, CancellationToken cancellationToken)
        where TFields : TextFields
        where TStored : StoredText
    {
        await connection.ExecuteAsync(new CommandDefinition(kind.DeleteKeywordsSql, new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var keywordId in await EnsureKeywordsAsync(connection, transaction, names, cancellationToken).ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(kind.InsertKeywordSql, new { Id = id, KeywordId = keywordId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>The text an update will save: as typed, merged with the saves in between, or a conflict.</summary>
    internal abstract record MergeStep
    {
        /// <summary>The result to return instead of saving: a conflict, or an unknown base revision.</summary>
        public abstract WriteResult Refusal { get; }
    }

    internal sealed record Clean(string Title, string Summary, string Markdown, IReadOnlyList<SaveInBetween> With) : MergeStep
    {
        public override WriteResult Refusal => throw new InvalidOperationException("Een schone samenvoeging wordt opgeslagen.");
    }

    internal sealed record Overlap(Conflict Conflict) : MergeStep
    {
        public override WriteResult Refusal => Conflict;
    }

    internal sealed record MissingBase : MergeStep
    {
        public override WriteResult Refusal => new Invalid("BaseRevision", WriteError.UnknownBaseRevision);
    }

    /// <summary>The stored text right now, inside the write transaction.</summary>
    internal sealed record CurrentText(int Revision, string Title, string Summary, string Markdown);

    /// <summary>
    /// Three-way merge of this edit with what was saved since <paramref name="baseRevision"/>: the body with
    /// <see cref="ThreeWayMerge"/> (lines, refined to words), title and summary field by field (a side that left a
    /// field as it was takes the other's). Overlaps are never guessed: they come back as a conflict.
    /// </summary>
    internal static async Task<MergeStep> MergeAsync(DbConnection connection, DbTransaction transaction, string subjectKind, Guid subjectId, int baseRevision,
        CurrentText current, string title, string summary, string markdown, CancellationToken cancellationToken)
    {
        if (baseRevision == current.Revision)
        {
            return new Clean(title, summary, markdown, []);
        }

        const string BaseSql = """
            SELECT Title, Summary, Markdown
            FROM Revisions
            WHERE SubjectKind = @SubjectKind AND SubjectId = @SubjectId AND Number = @Number
            """;
        const string SavesSql = """
            SELECT r.Number, u.DisplayName AS AuthorName, r.CreatedAt AS SavedAt
            FROM Revisions r
            LEFT JOIN Users u ON u.Id = r.AuthorId
            WHERE r.SubjectKind = @SubjectKind AND r.SubjectId = @SubjectId AND r.Number > @Number
            ORDER BY r.Number
            """;
        var parameters = new { SubjectKind = subjectKind, SubjectId = subjectId, Number = baseRevision };
        var original = await connection.QuerySingleOrDefaultAsync<(string Title, string Summary, string Markdown)?>(new CommandDefinition(
            BaseSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (original is not { } theBase || baseRevision > current.Revision)
        {
            return new MissingBase();
        }

        var saves = (await connection.QueryAsync<SaveInBetween>(new CommandDefinition(
            SavesSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var merge = ThreeWayMerge.Merge(theBase.Markdown, markdown, current.Markdown);
        var fields = new List<FieldConflict>();
        var mergedTitle = MergeField(nameof(title), theBase.Title, title, current.Title, fields);
        var mergedSummary = MergeField(nameof(summary), theBase.Summary, summary, current.Summary, fields);
        return merge.IsClean && fields.Count == 0
            ? new Clean(mergedTitle, mergedSummary, merge.Text, saves)
            : new Overlap(new Conflict(merge, fields, baseRevision, current.Revision, saves));
    }

    private static string MergeField(string field, string original, string mine, string theirs, List<FieldConflict> conflicts)
    {
        if (string.Equals(mine, original, StringComparison.Ordinal))
        {
            return theirs;
        }

        if (string.Equals(theirs, original, StringComparison.Ordinal) || string.Equals(theirs, mine, StringComparison.Ordinal))
        {
            return mine;
        }

        conflicts.Add(new FieldConflict(char.ToUpperInvariant(field[0]) + field[1..], original, mine, theirs));
        return mine;
    }

    // ---- validation --------------------------------------------------------------------------------------------

    /// <summary>The checks every text shares: title, slug, summary, body, visibility, keywords, change summary.</summary>
    internal static List<FieldError> Validate(string title, string slug, string summary, string markdown, string visibility, IReadOnlyList<string> keywords, string changeSummary)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new FieldError("Title", WriteError.Required));
        }
        else if (title.Trim().Length > MaxTitleLength)
        {
            errors.Add(new FieldError("Title", WriteError.TooLong));
        }

        if (string.IsNullOrWhiteSpace(slug))
        {
            errors.Add(new FieldError("Slug", WriteError.Required));
        }
        else if (!Slugs.IsValid(slug))
        {
            errors.Add(new FieldError("Slug", WriteError.InvalidSlug));
        }

        if (summary.Length > MaxSummaryLength)
        {
            errors.Add(new FieldError("Summary", WriteError.TooLong));
        }

        if (string.IsNullOrWhiteSpace(markdown))
        {
            errors.Add(new FieldError("Body", WriteError.Required));
        }
        else if (markdown.Length > MaxBodyLength)
        {
            errors.Add(new FieldError("Body", WriteError.TooLong));
        }

        if (!Enum.GetNames<Visibility>().Contains(visibility, StringComparer.Ordinal))
        {
            errors.Add(new FieldError("Visibility", WriteError.UnknownVisibility));
        }

        if (keywords.Count > MaxKeywords)
        {
            errors.Add(new FieldError("Keywords", WriteError.TooManyKeywords));
        }
        else if (keywords.Any(k => Slugs.Slugify(k).Length == 0 || k.Trim().Length > MaxKeywordLength))
        {
            errors.Add(new FieldError("Keywords", WriteError.InvalidKeyword));
        }

        if (changeSummary.Length > Revisions.RevisionStore.MaxChangeSummaryLength)
        {
            errors.Add(new FieldError("ChangeSummary", WriteError.TooLong));
        }

        return errors;
    }

    /// <summary>Keyword names trimmed, without duplicates by slug, in the order given.</summary>
    public static IReadOnlyList<string> DistinctKeywords(IEnumerable<string> names)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        return names.Select(n => n.Trim()).Where(n => n.Length > 0 && slugs.Add(Slugs.Slugify(n))).ToList();
    }

    // ---- slugs -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Whether a slug is free for this item: no other item of the kind has it now or had it before (an old slug keeps
    /// redirecting to its item, so it cannot be handed to another). The current-slug check runs in the handler,
    /// which knows its table.
    /// </summary>
    internal static async Task<bool> IsRedirectOfAnotherAsync(DbConnection connection, DbTransaction transaction, string subjectKind, string slug, Guid subjectId, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT COUNT(*) FROM SlugRedirects WHERE SubjectKind = @SubjectKind AND Slug = @Slug AND SubjectId <> @SubjectId";
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            Sql, new { SubjectKind = subjectKind, Slug = slug, SubjectId = subjectId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>A rename: the old slug becomes a redirect to the item; the new one stops being one (renamed back).</summary>
    internal static async Task RenameAsync(DbConnection connection, DbTransaction transaction, string subjectKind, Guid subjectId, string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        const string ForgetSql = "DELETE FROM SlugRedirects WHERE SubjectKind = @SubjectKind AND Slug = @NewSlug AND SubjectId = @SubjectId";
        const string RememberSql = """
            INSERT INTO SlugRedirects (SubjectKind, Slug, SubjectId, CreatedAt)
            VALUES (@SubjectKind, @OldSlug, @SubjectId, @CreatedAt)
            """;
        var parameters = new { SubjectKind = subjectKind, SubjectId = subjectId, OldSlug = oldSlug, NewSlug = newSlug, CreatedAt = DateTimeOffset.UtcNow };
        await connection.ExecuteAsync(new CommandDefinition(ForgetSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(RememberSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    // ---- keywords, co-authors, audit ---------------------------------------------------------------------------

    /// <summary>The ids of the keywords with these names, adding the ones that do not exist yet (matched by slug).</summary>
    internal static async Task<IReadOnlyList<Guid>> EnsureKeywordsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        const string FindSql = "SELECT Id FROM Keywords WHERE Slug = @Slug";
        const string InsertSql = "INSERT INTO Keywords (Id, Slug, Name) VALUES (@Id, @Slug, @Name)";
        var ids = new List<Guid>();
        foreach (var name in names)
        {
            var slug = Slugs.Slugify(name);
            var id = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(FindSql, new { Slug = slug }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (id is null)
            {
                id = Guid.NewGuid();
                await connection.ExecuteAsync(new CommandDefinition(InsertSql, new { Id = id, Slug = slug, Name = name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            ids.Add(id.Value);
        }

        return ids;
    }

    /// <summary>The creator of a new item is its first Active co-author (Coauthors, migration 0007).</summary>
    internal static Task AddCreatorAsync(DbConnection connection, DbTransaction transaction, string subjectKind, Guid subjectId, Writer writer, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO Coauthors (SubjectKind, SubjectId, UserId, Status, InvitedById, CreatedAt, RespondedAt)
            VALUES (@SubjectKind, @SubjectId, @UserId, 'Active', NULL, @Now, @Now)
            """;
        return writer.UserId is not { } userId
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(Sql, new { SubjectKind = subjectKind, SubjectId = subjectId, UserId = userId, Now = DateTimeOffset.UtcNow },
                transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The audit line of a save, with the revision numbers when the text got a new one.</summary>
    internal static Task AuditAsync(DbConnection connection, DbTransaction transaction, string action, string subjectKind, Guid subjectId, string summary,
        Writer writer, int? oldRevision, int newRevision, CancellationToken cancellationToken)
    {
        var changedRevision = oldRevision is { } old && old != newRevision;
        return AuditLog.WriteAsync(connection, transaction, new AuditEntry(action, subjectKind, subjectId, summary, writer.UserId, writer.Name,
            changedRevision ? $"versie {oldRevision}" : null, changedRevision || oldRevision is null ? $"versie {newRevision}" : null), cancellationToken);
    }

    /// <summary>" (the change summary)" for an audit line, or nothing.</summary>
    internal static string Note(string changeSummary) => string.IsNullOrWhiteSpace(changeSummary) ? string.Empty : $" ({changeSummary.Trim()})";

    /// <summary>"; samengevoegd met de wijziging van X, Y" for the audit line of a merged save.</summary>
    internal static string MergeNote(IReadOnlyList<SaveInBetween> with)
        => with.Count == 0 ? string.Empty : "; samengevoegd met de wijziging van " + string.Join(", ", new Merged(Guid.Empty, string.Empty, 0, with).Names);
}
