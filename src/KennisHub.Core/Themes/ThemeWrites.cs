using System.Data.Common;
using Dapper;
using KennisHub.Core.Caching;
using KennisHub.Core.Content;
using KennisHub.Core.Data;
using KennisHub.Core.Linking;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;
using KennisHub.Core.Search;

namespace KennisHub.Core.Themes;

/// <summary>Everything an atelier member (or the importer) writes about a theme.</summary>
public sealed record ThemeFields
{
    public required string Title { get; init; }

    public required string Slug { get; init; }

    public string Summary { get; init; } = string.Empty;

    /// <summary>The ambition and the rest of the theme's text, in Markdown.</summary>
    public required string Body { get; init; }

    /// <summary>A <see cref="Reading.Visibility"/> name.</summary>
    public required string Visibility { get; init; }

    /// <summary>A <see cref="ThemeStatus"/> name.</summary>
    public string Status { get; init; } = nameof(ThemeStatus.Active);

    public Guid? LeadOrganisationId { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];
}

/// <summary>A new theme; <see cref="Id"/> is prepared by the page.</summary>
public sealed record CreateTheme(Guid Id, ThemeFields Fields, Writer Writer, string ChangeSummary = "");

/// <summary>An edit of a theme that started from revision <see cref="BaseRevision"/>.</summary>
public sealed record UpdateTheme(Guid Id, int BaseRevision, ThemeFields Fields, Writer Writer, string ChangeSummary = "", string Action = ThemeWrites.UpdatedAction);

/// <summary>The one write path of themes (editor, restore, importer); shaped like <see cref="Articles.ArticleWrites"/>.</summary>
public sealed class ThemeWrites(Db db, MarkdownRenderer renderer)
{
    public const string CreatedAction = "theme.created";
    public const string UpdatedAction = "theme.updated";
    public const string RestoredAction = "theme.restored";

    private sealed record CurrentRow
    {
        public required string Slug { get; init; }

        public required string Title { get; init; }

        public required string Summary { get; init; }

        public required string BodyMarkdown { get; init; }

        public required string BodyHtml { get; init; }

        public required string Visibility { get; init; }

        public required string Status { get; init; }

        public Guid? LeadOrganisationId { get; init; }

        public required int CurrentRevision { get; init; }

        public required int Version { get; init; }
    }

    public async Task<WriteResult> CreateAsync(CreateTheme command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        const string ExistsSql = "SELECT CurrentRevision FROM Themes WHERE Id = @Id";
        const string InsertSql = """
            INSERT INTO Themes (Id, Slug, Title, Summary, Visibility, Status, LeadOrganisationId, CurrentRevision, CreatedById, CreatedAt, UpdatedAt, Version)
            VALUES (@Id, @Slug, @Title, @Summary, @Visibility, @Status, @LeadOrganisationId, @CurrentRevision, @CreatedById, @Now, @Now, 1);
            INSERT INTO ThemeBodies (ThemeId, BodyMarkdown, BodyHtml, BodyText)
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
            if (await connection.ExecuteScalarAsync<int?>(new CommandDefinition(ExistsSql, new { command.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } existing)
            {
                return new Saved(command.Id, fields.Slug, existing, Changed: false);
            }

            if (await CheckReferencesAsync(connection, transaction, command.Id, fields, cancellationToken).ConfigureAwait(false) is { } invalid)
            {
                return invalid;
            }

            var revision = await RevisionStore.AppendAsync(connection, transaction, SubjectKinds.Theme, command.Id, fields.Title, fields.Body, fields.Summary,
                command.ChangeSummary, writer.UserId, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                command.Id, fields.Slug, fields.Title, fields.Summary, fields.Visibility, fields.Status, fields.LeadOrganisationId,
                CurrentRevision = revision, CreatedById = writer.UserId, Now = DateTimeOffset.UtcNow,
                BodyMarkdown = fields.Body, BodyHtml = body.Html, BodyText = body.PlainText,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await SetKeywordsAsync(connection, transaction, command.Id, fields.Keywords, cancellationToken).ConfigureAwait(false);
            await TextWrites.AddCreatorAsync(connection, transaction, SubjectKinds.Theme, command.Id, writer, cancellationToken).ConfigureAwait(false);
            await UpdateDerivedDataAsync(connection, transaction, command.Id, fields, cancellationToken).ConfigureAwait(false);
            await TextWrites.AuditAsync(connection, transaction, CreatedAction, SubjectKinds.Theme, command.Id,
                $"Thema '{fields.Title}' aangemaakt" + TextWrites.Note(command.ChangeSummary), writer, null, revision, cancellationToken).ConfigureAwait(false);
            return new Saved(command.Id, fields.Slug, revision);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteResult> UpdateAsync(UpdateTheme command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        const string CurrentSql = """
            SELECT t.Slug, t.Title, t.Summary, b.BodyMarkdown, b.BodyHtml, t.Visibility, t.Status, t.LeadOrganisationId, t.CurrentRevision, t.Version
            FROM Themes t
            INNER JOIN ThemeBodies b ON b.ThemeId = t.Id
            WHERE t.Id = @Id
            """;
        const string UpdateSql = """
            UPDATE Themes
            SET Slug = @Slug, Title = @Title, Summary = @Summary, Visibility = @Visibility, Status = @Status, LeadOrganisationId = @LeadOrganisationId,
                CurrentRevision = @CurrentRevision, UpdatedAt = @Now, Version = Version + 1
            WHERE Id = @Id AND Version = @Version
            """;
        const string UpdateBodySql = """
            UPDATE ThemeBodies
            SET BodyMarkdown = @BodyMarkdown, BodyHtml = @BodyHtml, BodyText = @BodyText
            WHERE ThemeId = @Id
            """;
        const string KeywordSlugsSql = "SELECT k.Slug FROM ThemeKeywords tk INNER JOIN Keywords k ON k.Id = tk.KeywordId WHERE tk.ThemeId = @Id";

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
                return new Invalid(nameof(UpdateTheme.Id), WriteError.UnknownItem);
            }

            if (await CheckReferencesAsync(connection, transaction, command.Id, fields, cancellationToken).ConfigureAwait(false) is { } invalid)
            {
                return invalid;
            }

            var step = await TextWrites.MergeAsync(connection, transaction, SubjectKinds.Theme, command.Id, command.BaseRevision,
                new TextWrites.CurrentText(current.CurrentRevision, current.Title, current.Summary, current.BodyMarkdown),
                fields.Title, fields.Summary, fields.Body, cancellationToken).ConfigureAwait(false);
            if (step is not TextWrites.Clean clean)
            {
                return step.Refusal;
            }

            var body = renderer.Render(clean.Markdown);
            var keywordSlugs = await connection.QueryAsync<string>(new CommandDefinition(KeywordSlugsSql, new { command.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var changes = new FieldChanges();
            var textChanged = changes.Text("titel", current.Title, clean.Title) | changes.Text("samenvatting", current.Summary, clean.Summary)
                | changes.Text("tekst", current.BodyMarkdown, clean.Markdown);
            changes.Value("slug", current.Slug, fields.Slug);
            changes.Value("opmaak", current.BodyHtml, body.Html);
            changes.Value("zichtbaarheid", current.Visibility, fields.Visibility);
            changes.Value("status", current.Status, fields.Status);
            changes.Value("trekkende organisatie", current.LeadOrganisationId, fields.LeadOrganisationId);
            changes.Set("trefwoorden", keywordSlugs, fields.Keywords.Select(Slugs.Slugify));
            if (changes.None)
            {
                return new Saved(command.Id, current.Slug, current.CurrentRevision, Changed: false);
            }

            var revision = textChanged
                ? await RevisionStore.AppendAsync(connection, transaction, SubjectKinds.Theme, command.Id, clean.Title, clean.Markdown, clean.Summary,
                    command.ChangeSummary, writer.UserId, cancellationToken).ConfigureAwait(false)
                : current.CurrentRevision;
            await connection.ExecuteVersionedUpdateAsync(new CommandDefinition(UpdateSql, new
            {
                command.Id, current.Version, fields.Slug, clean.Title, clean.Summary, fields.Visibility, fields.Status, fields.LeadOrganisationId,
                CurrentRevision = revision, Now = DateTimeOffset.UtcNow,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(UpdateBodySql, new { command.Id, BodyMarkdown = clean.Markdown, BodyHtml = body.Html, BodyText = body.PlainText },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (!string.Equals(current.Slug, fields.Slug, StringComparison.Ordinal))
            {
                await TextWrites.RenameAsync(connection, transaction, SubjectKinds.Theme, command.Id, current.Slug, fields.Slug, cancellationToken).ConfigureAwait(false);
            }

            await SetKeywordsAsync(connection, transaction, command.Id, fields.Keywords, cancellationToken).ConfigureAwait(false);
            await UpdateDerivedDataAsync(connection, transaction, command.Id, fields with { Title = clean.Title, Summary = clean.Summary, Body = clean.Markdown }, cancellationToken).ConfigureAwait(false);
            await TextWrites.AuditAsync(connection, transaction, command.Action, SubjectKinds.Theme, command.Id,
                $"Thema '{clean.Title}' {(command.Action == RestoredAction ? "hersteld" : "bijgewerkt")}: {changes}{TextWrites.Note(command.ChangeSummary)}{TextWrites.MergeNote(clean.With)}",
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
    private static async Task UpdateDerivedDataAsync(DbConnection connection, DbTransaction transaction, Guid themeId, ThemeFields saved, CancellationToken cancellationToken)
    {
        await ContentLinks.ReplaceAsync(connection, transaction, SubjectKinds.Theme, themeId, saved.Body, cancellationToken).ConfigureAwait(false);
        await SearchIndex.UpsertAsync(connection, transaction, SubjectKinds.Theme, themeId, cancellationToken).ConfigureAwait(false);
        await ContentVersion.BumpAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
    }

    private static ThemeFields Normalized(ThemeFields fields) => fields with
    {
        Title = fields.Title.Trim(),
        Slug = fields.Slug.Trim(),
        Summary = fields.Summary.Trim(),
        Keywords = TextWrites.DistinctKeywords(fields.Keywords),
    };

    private static List<FieldError> Validate(ThemeFields fields, string changeSummary)
    {
        var errors = TextWrites.Validate(fields.Title, fields.Slug, fields.Summary, fields.Body, fields.Visibility, fields.Keywords, changeSummary);
        if (!Enum.GetNames<ThemeStatus>().Contains(fields.Status, StringComparer.Ordinal))
        {
            errors.Add(new FieldError(nameof(ThemeFields.Status), WriteError.UnknownStatus));
        }

        return errors;
    }

    private static async Task<Invalid?> CheckReferencesAsync(DbConnection connection, DbTransaction transaction, Guid id, ThemeFields fields, CancellationToken cancellationToken)
    {
        const string SlugSql = "SELECT COUNT(*) FROM Themes WHERE Slug = @Slug AND Id <> @Id";
        const string OrganisationSql = "SELECT COUNT(*) FROM Organisations WHERE Id = @OrganisationId";
        var errors = new List<FieldError>();
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(SlugSql, new { fields.Slug, Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0
            || await TextWrites.IsRedirectOfAnotherAsync(connection, transaction, SubjectKinds.Theme, fields.Slug, id, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new FieldError(nameof(ThemeFields.Slug), WriteError.SlugTaken));
        }

        if (fields.LeadOrganisationId is { } organisationId
            && await connection.ExecuteScalarAsync<int>(new CommandDefinition(OrganisationSql, new { OrganisationId = organisationId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
        {
            errors.Add(new FieldError(nameof(ThemeFields.LeadOrganisationId), WriteError.UnknownOrganisation));
        }

        return errors.Count == 0 ? null : new Invalid(errors);
    }

    private static async Task SetKeywordsAsync(DbConnection connection, DbTransaction transaction, Guid themeId, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        const string DeleteSql = "DELETE FROM ThemeKeywords WHERE ThemeId = @ThemeId";
        const string InsertSql = "INSERT INTO ThemeKeywords (ThemeId, KeywordId) VALUES (@ThemeId, @KeywordId)";
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { ThemeId = themeId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var keywordId in await TextWrites.EnsureKeywordsAsync(connection, transaction, names, cancellationToken).ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new { ThemeId = themeId, KeywordId = keywordId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
