using System.Data.Common;
using Dapper;
using KennisHub.Core.Caching;
using KennisHub.Core.Content;
using KennisHub.Core.Data;
using KennisHub.Core.Linking;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;
using KennisHub.Core.Search;

namespace KennisHub.Core.Articles;

/// <summary>Who is named as the author of an article and when it was written; null on an update keeps what is stored.</summary>
public sealed record ArticleByline(string? AuthorName, DateTimeOffset? WrittenAt);

/// <summary>Everything a person (or the importer) writes about an article.</summary>
public sealed record ArticleFields
{
    public required string Title { get; init; }

    public required string Slug { get; init; }

    public string Summary { get; init; } = string.Empty;

    public required string Body { get; init; }

    /// <summary>A <see cref="Reading.Visibility"/> name.</summary>
    public required string Visibility { get; init; }

    public Guid? OrganisationId { get; init; }

    public IReadOnlyList<Guid> ThemeIds { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Null: on create the writer (a member) is the author; on update the stored byline stays.</summary>
    public ArticleByline? Byline { get; init; }
}

/// <summary>A new article; <see cref="Id"/> is prepared by the page (so a draft can belong to it before it exists).</summary>
public sealed record CreateArticle(Guid Id, ArticleFields Fields, Writer Writer, string ChangeSummary = "");

/// <summary>An edit of an article that started from revision <see cref="BaseRevision"/>.</summary>
public sealed record UpdateArticle(Guid Id, int BaseRevision, ArticleFields Fields, Writer Writer, string ChangeSummary = "", string Action = ArticleWrites.UpdatedAction);

/// <summary>
/// The one write path of knowledge articles, for the editor, restore and the importer alike. Each save is one short
/// transaction: the versioned UPDATE (merging three ways with whatever was saved since the edit's base revision),
/// the body, themes, keywords, the revision, the derived data and the audit line.
/// </summary>
public sealed class ArticleWrites(Db db, MarkdownRenderer renderer)
{
    public const string CreatedAction = "article.created";
    public const string UpdatedAction = "article.updated";
    public const string RestoredAction = "article.restored";

    private sealed record CurrentRow
    {
        public required string Slug { get; init; }

        public required string Title { get; init; }

        public required string Summary { get; init; }

        public required string BodyMarkdown { get; init; }

        public required string BodyHtml { get; init; }

        public required string Visibility { get; init; }

        public Guid? OrganisationId { get; init; }

        public string? AuthorName { get; init; }

        public DateTimeOffset? WrittenAt { get; init; }

        public required int CurrentRevision { get; init; }

        public required int Version { get; init; }
    }

    public async Task<WriteResult> CreateAsync(CreateArticle command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        const string ExistsSql = "SELECT CurrentRevision FROM Articles WHERE Id = @Id";
        const string InsertSql = """
            INSERT INTO Articles (Id, Slug, Title, Summary, Visibility, OrganisationId, AuthorId, AuthorName, WrittenAt, CurrentRevision, CreatedAt, UpdatedAt, Version)
            VALUES (@Id, @Slug, @Title, @Summary, @Visibility, @OrganisationId, @AuthorId, @AuthorName, @WrittenAt, @CurrentRevision, @Now, @Now, 1);
            INSERT INTO ArticleBodies (ArticleId, BodyMarkdown, BodyHtml, BodyText)
            VALUES (@Id, @BodyMarkdown, @BodyHtml, @BodyText);
            """;

        var fields = Normalized(command.Fields);
        if (Validate(fields, command.ChangeSummary) is { Count: > 0 } errors)
        {
            return new Invalid(errors);
        }

        var body = renderer.Render(fields.Body);
        var writer = command.Writer;
        return await TextWrites.InTransactionAsync(db, async (connection, transaction) =>
        {
            // A second submit of the same form (same prepared id) finds the article it made and changes nothing.
            if (await connection.ExecuteScalarAsync<int?>(new CommandDefinition(ExistsSql, new { command.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } existing)
            {
                return new Saved(command.Id, fields.Slug, existing, Changed: false);
            }

            if (await CheckReferencesAsync(connection, transaction, command.Id, fields, cancellationToken).ConfigureAwait(false) is { } invalid)
            {
                return invalid;
            }

            // The revision goes first so that the row can carry its number; both are in this one transaction.
            var revision = await RevisionStore.AppendAsync(connection, transaction, SubjectKinds.Article, command.Id, fields.Title, fields.Body, fields.Summary,
                command.ChangeSummary, writer.UserId, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                command.Id, fields.Slug, fields.Title, fields.Summary, fields.Visibility, fields.OrganisationId, AuthorId = writer.UserId,
                AuthorName = fields.Byline is { } byline ? byline.AuthorName : writer.UserId is null ? null : writer.Name,
                fields.Byline?.WrittenAt, CurrentRevision = revision, Now = DateTimeOffset.UtcNow,
                BodyMarkdown = fields.Body, BodyHtml = body.Html, BodyText = body.PlainText,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await SetThemesAsync(connection, transaction, command.Id, fields.ThemeIds, cancellationToken).ConfigureAwait(false);
            await SetKeywordsAsync(connection, transaction, command.Id, fields.Keywords, cancellationToken).ConfigureAwait(false);
            await TextWrites.AddCreatorAsync(connection, transaction, SubjectKinds.Article, command.Id, writer, cancellationToken).ConfigureAwait(false);
            await UpdateDerivedDataAsync(connection, transaction, command.Id, fields, cancellationToken).ConfigureAwait(false);
            await TextWrites.AuditAsync(connection, transaction, CreatedAction, SubjectKinds.Article, command.Id,
                $"Kennisartikel '{fields.Title}' aangemaakt" + TextWrites.Note(command.ChangeSummary), writer, null, revision, cancellationToken).ConfigureAwait(false);
            return new Saved(command.Id, fields.Slug, revision);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteResult> UpdateAsync(UpdateArticle command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        const string CurrentSql = """
            SELECT a.Slug, a.Title, a.Summary, b.BodyMarkdown, b.BodyHtml, a.Visibility, a.OrganisationId, a.AuthorName, a.WrittenAt, a.CurrentRevision, a.Version
            FROM Articles a
            INNER JOIN ArticleBodies b ON b.ArticleId = a.Id
            WHERE a.Id = @Id
            """;
        const string UpdateSql = """
            UPDATE Articles
            SET Slug = @Slug, Title = @Title, Summary = @Summary, Visibility = @Visibility, OrganisationId = @OrganisationId, AuthorName = @AuthorName,
                WrittenAt = @WrittenAt, CurrentRevision = @CurrentRevision, UpdatedAt = @Now, Version = Version + 1
            WHERE Id = @Id AND Version = @Version
            """;
        const string UpdateBodySql = """
            UPDATE ArticleBodies
            SET BodyMarkdown = @BodyMarkdown, BodyHtml = @BodyHtml, BodyText = @BodyText
            WHERE ArticleId = @Id
            """;
        const string ThemeIdsSql = "SELECT ThemeId FROM ArticleThemes WHERE ArticleId = @Id";
        const string KeywordSlugsSql = "SELECT k.Slug FROM ArticleKeywords ak INNER JOIN Keywords k ON k.Id = ak.KeywordId WHERE ak.ArticleId = @Id";

        var fields = Normalized(command.Fields);
        if (Validate(fields, command.ChangeSummary) is { Count: > 0 } errors)
        {
            return new Invalid(errors);
        }

        var writer = command.Writer;
        return await TextWrites.InTransactionAsync(db, async (connection, transaction) =>
        {
            var current = await connection.QuerySingleOrDefaultAsync<CurrentRow>(new CommandDefinition(
                CurrentSql, new { command.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (current is null)
            {
                return new Invalid(nameof(UpdateArticle.Id), WriteError.UnknownItem);
            }

            if (await CheckReferencesAsync(connection, transaction, command.Id, fields, cancellationToken).ConfigureAwait(false) is { } invalid)
            {
                return invalid;
            }

            var step = await TextWrites.MergeAsync(connection, transaction, SubjectKinds.Article, command.Id, command.BaseRevision,
                new TextWrites.CurrentText(current.CurrentRevision, current.Title, current.Summary, current.BodyMarkdown),
                fields.Title, fields.Summary, fields.Body, cancellationToken).ConfigureAwait(false);
            if (step is not TextWrites.Clean clean)
            {
                return step.Refusal;
            }

            var body = renderer.Render(clean.Markdown);
            var byline = fields.Byline ?? new ArticleByline(current.AuthorName, current.WrittenAt);
            var themeIds = await connection.QueryAsync<Guid>(new CommandDefinition(ThemeIdsSql, new { command.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var keywordSlugs = await connection.QueryAsync<string>(new CommandDefinition(KeywordSlugsSql, new { command.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

            var changes = new FieldChanges();
            var textChanged = changes.Text("titel", current.Title, clean.Title) | changes.Text("samenvatting", current.Summary, clean.Summary)
                | changes.Text("tekst", current.BodyMarkdown, clean.Markdown);
            changes.Value("slug", current.Slug, fields.Slug);
            changes.Value("opmaak", current.BodyHtml, body.Html);
            changes.Value("zichtbaarheid", current.Visibility, fields.Visibility);
            changes.Value("organisatie", current.OrganisationId, fields.OrganisationId);
            changes.Value("auteur", current.AuthorName, byline.AuthorName);
            changes.Value("geschreven", current.WrittenAt, byline.WrittenAt);
            changes.Set("thema's", themeIds.Select(g => g.ToString()), fields.ThemeIds.Select(g => g.ToString()));
            changes.Set("trefwoorden", keywordSlugs, fields.Keywords.Select(Slugs.Slugify));
            if (changes.None)
            {
                return new Saved(command.Id, current.Slug, current.CurrentRevision, Changed: false);
            }

            var revision = textChanged
                ? await RevisionStore.AppendAsync(connection, transaction, SubjectKinds.Article, command.Id, clean.Title, clean.Markdown, clean.Summary,
                    command.ChangeSummary, writer.UserId, cancellationToken).ConfigureAwait(false)
                : current.CurrentRevision;
            await connection.ExecuteVersionedUpdateAsync(new CommandDefinition(UpdateSql, new
            {
                command.Id, current.Version, fields.Slug, clean.Title, clean.Summary, fields.Visibility, fields.OrganisationId, byline.AuthorName, byline.WrittenAt,
                CurrentRevision = revision, Now = DateTimeOffset.UtcNow,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(UpdateBodySql, new { command.Id, BodyMarkdown = clean.Markdown, BodyHtml = body.Html, BodyText = body.PlainText },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (!string.Equals(current.Slug, fields.Slug, StringComparison.Ordinal))
            {
                await TextWrites.RenameAsync(connection, transaction, SubjectKinds.Article, command.Id, current.Slug, fields.Slug, cancellationToken).ConfigureAwait(false);
            }

            await SetThemesAsync(connection, transaction, command.Id, fields.ThemeIds, cancellationToken).ConfigureAwait(false);
            await SetKeywordsAsync(connection, transaction, command.Id, fields.Keywords, cancellationToken).ConfigureAwait(false);
            await UpdateDerivedDataAsync(connection, transaction, command.Id, fields with { Title = clean.Title, Summary = clean.Summary, Body = clean.Markdown }, cancellationToken).ConfigureAwait(false);
            await TextWrites.AuditAsync(connection, transaction, command.Action, SubjectKinds.Article, command.Id,
                $"Kennisartikel '{clean.Title}' {(command.Action == RestoredAction ? "hersteld" : "bijgewerkt")}: {changes}{TextWrites.Note(command.ChangeSummary)}{TextWrites.MergeNote(clean.With)}",
                writer, current.CurrentRevision, revision, cancellationToken).ConfigureAwait(false);
            return clean.With.Count > 0
                ? new Merged(command.Id, fields.Slug, revision, clean.With)
                : new Saved(command.Id, fields.Slug, revision);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What other tables derive from the saved text, in the save's transaction: the internal links (what this text
    /// links to, for "Verwijst hierheen"), the search index (re-read from the rows just written) and the page-cache
    /// version.
    /// </summary>
    private static async Task UpdateDerivedDataAsync(DbConnection connection, DbTransaction transaction, Guid articleId, ArticleFields saved, CancellationToken cancellationToken)
    {
        await ContentLinks.ReplaceAsync(connection, transaction, SubjectKinds.Article, articleId, saved.Body, cancellationToken).ConfigureAwait(false);
        await SearchIndex.UpsertAsync(connection, transaction, SubjectKinds.Article, articleId, cancellationToken).ConfigureAwait(false);
        await ContentVersion.BumpAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
    }

    private static ArticleFields Normalized(ArticleFields fields) => fields with
    {
        Title = fields.Title.Trim(),
        Slug = fields.Slug.Trim(),
        Summary = fields.Summary.Trim(),
        Keywords = TextWrites.DistinctKeywords(fields.Keywords),
        ThemeIds = fields.ThemeIds.Distinct().ToList(),
    };

    private static List<FieldError> Validate(ArticleFields fields, string changeSummary)
        => TextWrites.Validate(fields.Title, fields.Slug, fields.Summary, fields.Body, fields.Visibility, fields.Keywords, changeSummary);

    /// <summary>The slug is free for this article, the organisation and themes exist; or the field errors.</summary>
    private static async Task<Invalid?> CheckReferencesAsync(DbConnection connection, DbTransaction transaction, Guid id, ArticleFields fields, CancellationToken cancellationToken)
    {
        const string SlugSql = "SELECT COUNT(*) FROM Articles WHERE Slug = @Slug AND Id <> @Id";
        const string OrganisationSql = "SELECT COUNT(*) FROM Organisations WHERE Id = @OrganisationId";
        const string ThemesSql = "SELECT COUNT(*) FROM Themes WHERE Id IN @ThemeIds";
        var errors = new List<FieldError>();
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(SlugSql, new { fields.Slug, Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0
            || await TextWrites.IsRedirectOfAnotherAsync(connection, transaction, SubjectKinds.Article, fields.Slug, id, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError(nameof(ArticleFields.Slug), WriteError.SlugTaken));
        }

        if (fields.OrganisationId is { } organisationId
            && await connection.ExecuteScalarAsync<int>(new CommandDefinition(OrganisationSql, new { OrganisationId = organisationId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
        {
            errors.Add(new FieldError(nameof(ArticleFields.OrganisationId), WriteError.UnknownOrganisation));
        }

        if (fields.ThemeIds.Count > 0
            && await connection.ExecuteScalarAsync<int>(new CommandDefinition(ThemesSql, new { ThemeIds = fields.ThemeIds }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) != fields.ThemeIds.Count)
        {
            errors.Add(new FieldError(nameof(ArticleFields.ThemeIds), WriteError.UnknownTheme));
        }

        return errors.Count == 0 ? null : new Invalid(errors);
    }

    private static async Task SetThemesAsync(DbConnection connection, DbTransaction transaction, Guid articleId, IReadOnlyList<Guid> themeIds, CancellationToken cancellationToken)
    {
        const string DeleteSql = "DELETE FROM ArticleThemes WHERE ArticleId = @ArticleId";
        const string InsertSql = "INSERT INTO ArticleThemes (ArticleId, ThemeId) VALUES (@ArticleId, @ThemeId)";
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { ArticleId = articleId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var themeId in themeIds)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new { ArticleId = articleId, ThemeId = themeId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private static async Task SetKeywordsAsync(DbConnection connection, DbTransaction transaction, Guid articleId, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        const string DeleteSql = "DELETE FROM ArticleKeywords WHERE ArticleId = @ArticleId";
        const string InsertSql = "INSERT INTO ArticleKeywords (ArticleId, KeywordId) VALUES (@ArticleId, @KeywordId)";
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { ArticleId = articleId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var keywordId in await TextWrites.EnsureKeywordsAsync(connection, transaction, names, cancellationToken).ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new { ArticleId = articleId, KeywordId = keywordId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
