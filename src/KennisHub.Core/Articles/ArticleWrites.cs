using System.Data.Common;
using Dapper;
using KennisHub.Core.Content;
using KennisHub.Core.Data;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;

namespace KennisHub.Core.Articles;

/// <summary>Who is named as the author of an article and when it was written; null on an update keeps what is stored.</summary>
public sealed record ArticleByline(string? AuthorName, DateTimeOffset? WrittenAt);

/// <summary>Everything a person (or the importer) writes about an article.</summary>
public sealed record ArticleFields : TextFields
{
    public Guid? OrganisationId { get; init; }

    public IReadOnlyList<Guid> ThemeIds { get; init; } = [];

    /// <summary>Null: on create the writer (a member) is the author; on update the stored byline stays.</summary>
    public ArticleByline? Byline { get; init; }
}

/// <summary>A new article; <see cref="Id"/> is prepared by the page.</summary>
public sealed record CreateArticle(Guid Id, ArticleFields Fields, Writer Writer, string ChangeSummary = "");

/// <summary>An edit of an article that started from revision <see cref="BaseRevision"/>.</summary>
public sealed record UpdateArticle(Guid Id, int BaseRevision, ArticleFields Fields, Writer Writer, string ChangeSummary = "", string Action = ArticleWrites.UpdatedAction);

/// <summary>
/// The one write path of knowledge articles, for the editor, restore and the importer alike: <see cref="TextWrites"/>
/// with the articles' tables, their organisation, themes and byline.
/// </summary>
public sealed class ArticleWrites(Db db, MarkdownRenderer renderer)
{
    public const string CreatedAction = "article.created";
    public const string UpdatedAction = "article.updated";
    public const string RestoredAction = "article.restored";

    private static readonly ArticleKind Kind = new();

    public Task<WriteResult> CreateAsync(CreateArticle command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return TextWrites.CreateAsync(db, renderer, Kind, command.Id, command.Fields, command.Writer, command.ChangeSummary, cancellationToken);
    }

    public Task<WriteResult> UpdateAsync(UpdateArticle command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return TextWrites.UpdateAsync(db, renderer, Kind, command.Id, command.BaseRevision, command.Fields, command.Writer, command.ChangeSummary, command.Action, cancellationToken);
    }

    private sealed record StoredArticle : StoredText
    {
        public Guid? OrganisationId { get; init; }

        public string? AuthorName { get; init; }

        public DateTimeOffset? WrittenAt { get; init; }
    }

    private sealed class ArticleKind : TextKind<ArticleFields, StoredArticle>
    {
        public override string SubjectKind => SubjectKinds.Article;

        public override string Noun => "Kennisartikel";

        public override string CreatedAction => ArticleWrites.CreatedAction;

        public override string RestoredAction => ArticleWrites.RestoredAction;

        public override string ExistsSql => "SELECT CurrentRevision FROM Articles WHERE Id = @Id";

        public override string SlugTakenSql => "SELECT COUNT(*) FROM Articles WHERE Slug = @Slug AND Id <> @Id";

        public override string InsertSql => """
            INSERT INTO Articles (Id, Slug, Title, Summary, Visibility, OrganisationId, AuthorId, AuthorName, WrittenAt, CurrentRevision, CreatedAt, UpdatedAt, Version)
            VALUES (@Id, @Slug, @Title, @Summary, @Visibility, @OrganisationId, @AuthorId, @AuthorName, @WrittenAt, @CurrentRevision, @Now, @Now, 1);
            INSERT INTO ArticleBodies (ArticleId, BodyMarkdown, BodyHtml, BodyText)
            VALUES (@Id, @BodyMarkdown, @BodyHtml, @BodyText);
            """;

        public override string CurrentSql => """
            SELECT a.Slug, a.Title, a.Summary, b.BodyMarkdown, b.BodyHtml, a.Visibility, a.OrganisationId, a.AuthorName, a.WrittenAt, a.CurrentRevision, a.Version
            FROM Articles a
            INNER JOIN ArticleBodies b ON b.ArticleId = a.Id
            WHERE a.Id = @Id
            """;

        public override string UpdateSql => """
            UPDATE Articles
            SET Slug = @Slug, Title = @Title, Summary = @Summary, Visibility = @Visibility, OrganisationId = @OrganisationId, AuthorName = @AuthorName,
                WrittenAt = @WrittenAt, CurrentRevision = @CurrentRevision, UpdatedAt = @Now, Version = Version + 1
            WHERE Id = @Id AND Version = @Version
            """;

        public override string UpdateBodySql => """
            UPDATE ArticleBodies
            SET BodyMarkdown = @BodyMarkdown, BodyHtml = @BodyHtml, BodyText = @BodyText
            WHERE ArticleId = @Id
            """;

        public override string KeywordSlugsSql => "SELECT k.Slug FROM ArticleKeywords ak INNER JOIN Keywords k ON k.Id = ak.KeywordId WHERE ak.ArticleId = @Id";

        public override string DeleteKeywordsSql => "DELETE FROM ArticleKeywords WHERE ArticleId = @Id";

        public override string InsertKeywordSql => "INSERT INTO ArticleKeywords (ArticleId, KeywordId) VALUES (@Id, @KeywordId)";

        public override ArticleFields Normalized(ArticleFields fields) => fields with { ThemeIds = fields.ThemeIds.Distinct().ToList() };

        public override async Task CheckReferencesAsync(DbConnection connection, DbTransaction transaction, Guid id, ArticleFields fields, List<FieldError> errors, CancellationToken cancellationToken)
        {
            const string OrganisationSql = "SELECT COUNT(*) FROM Organisations WHERE Id = @OrganisationId";
            const string ThemesSql = "SELECT COUNT(*) FROM Themes WHERE Id IN @ThemeIds";
            if (fields.OrganisationId is { } organisationId
                && await connection.ExecuteScalarAsync<int>(new CommandDefinition(OrganisationSql, new { OrganisationId = organisationId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
            {
                errors.Add(new FieldError(nameof(ArticleFields.OrganisationId), WriteError.UnknownOrganisation));
            }

            if (fields.ThemeIds.Count > 0
                && await connection.ExecuteScalarAsync<int>(new CommandDefinition(ThemesSql, new { fields.ThemeIds }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) != fields.ThemeIds.Count)
            {
                errors.Add(new FieldError(nameof(ArticleFields.ThemeIds), WriteError.UnknownTheme));
            }
        }

        public override object InsertParameters(ArticleFields fields, Writer writer) => new
        {
            fields.OrganisationId,
            AuthorId = writer.UserId,
            AuthorName = fields.Byline is { } byline ? byline.AuthorName : writer.UserId is null ? null : writer.Name,
            fields.Byline?.WrittenAt,
        };

        public override async Task CompareAsync(DbConnection connection, DbTransaction transaction, Guid id, StoredArticle stored, ArticleFields fields, FieldChanges changes, CancellationToken cancellationToken)
        {
            const string ThemeIdsSql = "SELECT ThemeId FROM ArticleThemes WHERE ArticleId = @Id";
            var themeIds = await connection.QueryAsync<Guid>(new CommandDefinition(ThemeIdsSql, new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var byline = Byline(stored, fields);
            changes.Value("organisatie", stored.OrganisationId, fields.OrganisationId);
            changes.Value("auteur", stored.AuthorName, byline.AuthorName);
            changes.Value("geschreven", stored.WrittenAt, byline.WrittenAt);
            changes.Set("thema's", themeIds.Select(g => g.ToString()), fields.ThemeIds.Select(g => g.ToString()));
        }

        public override object UpdateParameters(StoredArticle stored, ArticleFields fields)
        {
            var byline = Byline(stored, fields);
            return new { fields.OrganisationId, byline.AuthorName, byline.WrittenAt };
        }

        public override async Task SetLinksAsync(DbConnection connection, DbTransaction transaction, Guid id, ArticleFields fields, CancellationToken cancellationToken)
        {
            const string DeleteSql = "DELETE FROM ArticleThemes WHERE ArticleId = @ArticleId";
            const string InsertSql = "INSERT INTO ArticleThemes (ArticleId, ThemeId) VALUES (@ArticleId, @ThemeId)";
            await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { ArticleId = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var themeId in fields.ThemeIds)
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertSql, new { ArticleId = id, ThemeId = themeId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }

        private static ArticleByline Byline(StoredArticle stored, ArticleFields fields) => fields.Byline ?? new ArticleByline(stored.AuthorName, stored.WrittenAt);
    }
}
