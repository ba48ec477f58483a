using System.Text.Json;
using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Caching;
using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using KennisHub.Core.Markdown;
using KennisHub.Core.Search;

namespace KennisHub.Core.Organisations;

/// <summary>What a contact person keeps of their organisation's profile.</summary>
public sealed record OrganisationProfile
{
    public string DescriptionMarkdown { get; init; } = "";

    public string? Website { get; init; }

    public string? Place { get; init; }

    public int Version { get; init; }
}

/// <summary>
/// The organisation's own profile, kept by its contact persons (or a Beheerder): the description goes through the one
/// Markdown pipeline and is stored rendered; a versioned UPDATE, so two contact persons saving at once cannot overwrite
/// each other unseen; the audit line carries the before and after. A save marks the profile as kept in the site
/// (ProfileEditedAt), so a re-import of content/organisaties no longer overwrites it.
/// </summary>
public sealed class OrganisationWrites(Db db, MarkdownRenderer renderer)
{
    public const int MaxWebsite = 500;
    public const int MaxPlace = 200;
    public const int MaxDescription = 20_000;

    private const string ProfileSql = "SELECT DescriptionMarkdown, Website, Place, Version FROM Organisations WHERE Id = @Id";

    /// <summary>The profile as the edit form starts from, or null when the organisation is unknown.</summary>
    public async Task<OrganisationProfile?> FindProfileAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OrganisationProfile>(new CommandDefinition(ProfileSql, new { Id = organisationId }, cancellationToken: cancellationToken));
    }

    /// <summary>Saves the profile; <see cref="EditConflictException"/> when someone saved in between.</summary>
    public async Task UpdateProfileAsync(Guid organisationId, OrganisationProfile profile, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(actor);
        const string Sql = """
            UPDATE Organisations
            SET DescriptionMarkdown = @DescriptionMarkdown, DescriptionHtml = @DescriptionHtml, Website = @Website, Place = @Place,
                UpdatedAt = @Now, ProfileEditedAt = @Now, Version = Version + 1
            WHERE Id = @Id AND Version = @Version
            """;
        var html = renderer.Render(profile.DescriptionMarkdown).Html;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await connection.QuerySingleOrDefaultAsync<OrganisationProfile>(new CommandDefinition(
            ProfileSql, new { Id = organisationId }, transaction, cancellationToken: cancellationToken)) ?? throw new EditConflictException();
        await connection.ExecuteVersionedUpdateAsync(new CommandDefinition(Sql, new
        {
            Id = organisationId,
            profile.DescriptionMarkdown,
            DescriptionHtml = html,
            profile.Website,
            profile.Place,
            Now = DateTimeOffset.UtcNow,
            profile.Version,
        }, transaction, cancellationToken: cancellationToken));
        await SearchIndex.UpsertAsync(connection, transaction, SearchKinds.Organisation, organisationId, cancellationToken);
        await ContentVersion.BumpAsync(connection, transaction, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            "organisation.profile", "Organisation", organisationId, "Profiel bijgewerkt door " + actor.Name, actor.Id, actor.Name,
            JsonSerializer.Serialize(before), JsonSerializer.Serialize(profile with { Version = before.Version + 1 })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
