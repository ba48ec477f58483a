using System.Data.Common;
using Dapper;
using KennisHub.Core.Content;
using KennisHub.Core.Data;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;

namespace KennisHub.Core.Themes;

/// <summary>Everything an atelier member (or the importer) writes about a theme; the body is its ambition and the rest of its text.</summary>
public sealed record ThemeFields : TextFields
{
    /// <summary>A <see cref="ThemeStatus"/> name.</summary>
    public string Status { get; init; } = nameof(ThemeStatus.Active);

    public Guid? LeadOrganisationId { get; init; }
}

/// <summary>A new theme; <see cref="Id"/> is prepared by the page.</summary>
public sealed record CreateTheme(Guid Id, ThemeFields Fields, Writer Writer, string ChangeSummary = "");

/// <summary>An edit of a theme that started from revision <see cref="BaseRevision"/>.</summary>
public sealed record UpdateTheme(Guid Id, int BaseRevision, ThemeFields Fields, Writer Writer, string ChangeSummary = "", string Action = ThemeWrites.UpdatedAction);

/// <summary>The one write path of themes (editor, restore, importer): <see cref="TextWrites"/> with the themes' tables, status and lead organisation.</summary>
public sealed class ThemeWrites(Db db, MarkdownRenderer renderer)
{
    public const string CreatedAction = "theme.created";
    public const string UpdatedAction = "theme.updated";
    public const string RestoredAction = "theme.restored";

    private static readonly ThemeKind Kind = new();

    public Task<WriteResult> CreateAsync(CreateTheme command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return TextWrites.CreateAsync(db, renderer, Kind, command.Id, command.Fields, command.Writer, command.ChangeSummary, cancellationToken);
    }

    public Task<WriteResult> UpdateAsync(UpdateTheme command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return TextWrites.UpdateAsync(db, renderer, Kind, command.Id, command.BaseRevision, command.Fields, command.Writer, command.ChangeSummary, command.Action, cancellationToken);
    }

    private sealed record StoredTheme : StoredText
    {
        public required string Status { get; init; }

        public Guid? LeadOrganisationId { get; init; }
    }

    private sealed class ThemeKind : TextKind<ThemeFields, StoredTheme>
    {
        public override string SubjectKind => SubjectKinds.Theme;

        public override string Noun => "Thema";

        public override string CreatedAction => ThemeWrites.CreatedAction;

        public override string RestoredAction => ThemeWrites.RestoredAction;

        public override string ExistsSql => "SELECT CurrentRevision FROM Themes WHERE Id = @Id";

        public override string SlugTakenSql => "SELECT COUNT(*) FROM Themes WHERE Slug = @Slug AND Id <> @Id";

        public override string InsertSql => """
            INSERT INTO Themes (Id, Slug, Title, Summary, Visibility, Status, LeadOrganisationId, CurrentRevision, CreatedById, CreatedAt, UpdatedAt, Version)
            VALUES (@Id, @Slug, @Title, @Summary, @Visibility, @Status, @LeadOrganisationId, @CurrentRevision, @CreatedById, @Now, @Now, 1);
            INSERT INTO ThemeBodies (ThemeId, BodyMarkdown, BodyHtml, BodyText)
            VALUES (@Id, @BodyMarkdown, @BodyHtml, @BodyText);
            """;

        public override string CurrentSql => """
            SELECT t.Slug, t.Title, t.Summary, b.BodyMarkdown, b.BodyHtml, t.Visibility, t.Status, t.LeadOrganisationId, t.CurrentRevision, t.Version
            FROM Themes t
            INNER JOIN ThemeBodies b ON b.ThemeId = t.Id
            WHERE t.Id = @Id
            """;

        public override string UpdateSql => """
            UPDATE Themes
            SET Slug = @Slug, Title = @Title, Summary = @Summary, Visibility = @Visibility, Status = @Status, LeadOrganisationId = @LeadOrganisationId,
                CurrentRevision = @CurrentRevision, UpdatedAt = @Now, Version = Version + 1
            WHERE Id = @Id AND Version = @Version
            """;

        public override string UpdateBodySql => """
            UPDATE ThemeBodies
            SET BodyMarkdown = @BodyMarkdown, BodyHtml = @BodyHtml, BodyText = @BodyText
            WHERE ThemeId = @Id
            """;

        public override string KeywordSlugsSql => "SELECT k.Slug FROM ThemeKeywords tk INNER JOIN Keywords k ON k.Id = tk.KeywordId WHERE tk.ThemeId = @Id";

        public override string DeleteKeywordsSql => "DELETE FROM ThemeKeywords WHERE ThemeId = @Id";

        public override string InsertKeywordSql => "INSERT INTO ThemeKeywords (ThemeId, KeywordId) VALUES (@Id, @KeywordId)";

        public override void Validate(ThemeFields fields, List<FieldError> errors)
        {
            if (!Enum.GetNames<ThemeStatus>().Contains(fields.Status, StringComparer.Ordinal))
            {
                errors.Add(new FieldError(nameof(ThemeFields.Status), WriteError.UnknownStatus));
            }
        }

        public override async Task CheckReferencesAsync(DbConnection connection, DbTransaction transaction, Guid id, ThemeFields fields, List<FieldError> errors, CancellationToken cancellationToken)
        {
            const string OrganisationSql = "SELECT COUNT(*) FROM Organisations WHERE Id = @OrganisationId";
            if (fields.LeadOrganisationId is { } organisationId
                && await connection.ExecuteScalarAsync<int>(new CommandDefinition(OrganisationSql, new { OrganisationId = organisationId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
            {
                errors.Add(new FieldError(nameof(ThemeFields.LeadOrganisationId), WriteError.UnknownOrganisation));
            }
        }

        public override object InsertParameters(ThemeFields fields, Writer writer) => new { fields.Status, fields.LeadOrganisationId, CreatedById = writer.UserId };

        public override Task CompareAsync(DbConnection connection, DbTransaction transaction, Guid id, StoredTheme stored, ThemeFields fields, FieldChanges changes, CancellationToken cancellationToken)
        {
            changes.Value("status", stored.Status, fields.Status);
            changes.Value("trekkende organisatie", stored.LeadOrganisationId, fields.LeadOrganisationId);
            return Task.CompletedTask;
        }

        public override object UpdateParameters(StoredTheme stored, ThemeFields fields) => new { fields.Status, fields.LeadOrganisationId };

        public override Task SetLinksAsync(DbConnection connection, DbTransaction transaction, Guid id, ThemeFields fields, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
