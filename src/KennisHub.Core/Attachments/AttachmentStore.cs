using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Caching;
using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using KennisHub.Core.Reading;
using KennisHub.Core.Revisions;

namespace KennisHub.Core.Attachments;

/// <summary>An attachment as lists show it (no content).</summary>
public sealed record AttachmentSummary
{
    public required Guid Id { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required bool IsImage { get; init; }

    public required long Size { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? UploadedByName { get; init; }

    /// <summary>The stable address, also for use in Markdown: ![beschrijving](/bijlagen/{id}/{naam}).</summary>
    public string Url => $"/bijlagen/{Id:D}/{Uri.EscapeDataString(FileName)}";
}

/// <summary>An attachment's content, to serve.</summary>
public sealed record AttachmentContent
{
    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required bool IsImage { get; init; }

    public required byte[] Content { get; init; }
}

/// <summary>Why an upload was refused.</summary>
public enum UploadOutcome
{
    Saved,
    Empty,
    TooLarge,
    UnknownType,
}

/// <summary>
/// Images and files attached to an article or theme, stored in the database (table Attachments, migration 0009) so
/// every instance serves the same ones. Reads go through the reader: an attachment of an item the reader may not
/// see is not found. Who may upload is <see cref="MayEditAsync"/>.
/// </summary>
public sealed class AttachmentStore(Db db)
{
    private const string VisibleSubject = """
        ((a.SubjectKind = 'Article' AND EXISTS (SELECT 1 FROM Articles x WHERE x.Id = a.SubjectId AND x.Visibility IN @Visibilities))
          OR (a.SubjectKind = 'Theme' AND EXISTS (SELECT 1 FROM Themes x WHERE x.Id = a.SubjectId AND x.Visibility IN @Visibilities)))
        """;

    private const string ListSql = """
        SELECT a.Id, a.FileName, a.ContentType, a.IsImage, a.Size, a.CreatedAt, u.DisplayName AS UploadedByName
        FROM Attachments a
        LEFT JOIN Users u ON u.Id = a.UploadedById
        WHERE a.SubjectKind = @SubjectKind AND a.SubjectId = @SubjectId AND
        """ + " " + VisibleSubject + " ORDER BY a.CreatedAt DESC, a.FileName";

    private const string ContentSql = """
        SELECT a.FileName, a.ContentType, a.IsImage, a.Content
        FROM Attachments a
        WHERE a.Id = @Id AND
        """ + " " + VisibleSubject;

    /// <summary>
    /// Whether the reader may edit the item, and so attach to it: a Beheerder, or an Active co-author (Coauthors), or
    /// the article's own author. The editor's branch builds the same rule as the EditArticle/EditTheme authorization
    /// handlers; after the merge this check can call them instead.
    /// </summary>
    public async Task<bool> MayEditAsync(Reader reader, string subjectKind, Guid subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.IsAdministrator)
        {
            return true;
        }

        if (reader.UserId is not { } userId || !reader.IsNetworkMember)
        {
            return false;
        }

        const string Sql = """
            SELECT COUNT(*) FROM Coauthors c
            WHERE c.SubjectKind = @SubjectKind AND c.SubjectId = @SubjectId AND c.UserId = @UserId AND c.Status = 'Active'
            """;
        const string AuthorSql = "SELECT COUNT(*) FROM Articles a WHERE a.Id = @SubjectId AND a.AuthorId = @UserId";
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new { SubjectKind = subjectKind, SubjectId = subjectId, UserId = userId };
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0)
        {
            return true;
        }

        return subjectKind == SubjectKinds.Article
            && await connection.ExecuteScalarAsync<int>(new CommandDefinition(AuthorSql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<AttachmentSummary>> ListAsync(Reader reader, string subjectKind, Guid subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<AttachmentSummary>(new CommandDefinition(
            ListSql, new { SubjectKind = subjectKind, SubjectId = subjectId, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
    }

    /// <summary>An attachment's content, or null when unknown or of an item the reader may not see.</summary>
    public async Task<AttachmentContent?> GetAsync(Reader reader, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<AttachmentContent>(new CommandDefinition(
            ContentSql, new { Id = id, reader.Visibilities }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores an upload after checking its size and its type from its content; one transaction with the audit line
    /// and the content version (item pages list their attachments). The caller checked <see cref="MayEditAsync"/>.
    /// </summary>
    public async Task<(UploadOutcome Outcome, AttachmentSummary? Saved)> AddAsync(
        string subjectKind, Guid subjectId, string? uploadedName, byte[] content, long maxBytes, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(actor);
        if (content.Length == 0)
        {
            return (UploadOutcome.Empty, null);
        }

        if (content.Length > maxBytes)
        {
            return (UploadOutcome.TooLarge, null);
        }

        if (AttachmentTypes.Detect(content) is not { } type)
        {
            return (UploadOutcome.UnknownType, null);
        }

        const string InsertSql = """
            INSERT INTO Attachments (Id, SubjectKind, SubjectId, FileName, ContentType, IsImage, Size, Content, UploadedById, CreatedAt)
            VALUES (@Id, @SubjectKind, @SubjectId, @FileName, @ContentType, @IsImage, @Size, @Content, @UploadedById, @CreatedAt)
            """;
        var saved = new AttachmentSummary
        {
            Id = Guid.NewGuid(),
            FileName = AttachmentTypes.SafeFileName(uploadedName, type),
            ContentType = type.ContentType,
            IsImage = type.IsImage,
            Size = content.Length,
            CreatedAt = DateTimeOffset.UtcNow,
            UploadedByName = actor.Name,
        };
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            saved.Id, SubjectKind = subjectKind, SubjectId = subjectId, saved.FileName, saved.ContentType, saved.IsImage, saved.Size,
            Content = content, UploadedById = actor.Id, saved.CreatedAt,
        }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            "attachment.added", subjectKind, subjectId, $"Bijlage '{saved.FileName}' ({type.ContentType}, {content.Length} bytes) toegevoegd",
            actor.Id, actor.Name, NewValue: saved.FileName), cancellationToken).ConfigureAwait(false);
        await ContentVersion.BumpAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (UploadOutcome.Saved, saved);
    }
}
