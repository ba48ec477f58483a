using KennisHub.Core.Content;
using KennisHub.Core.Themes;
using KennisHub.Web.Pages.Shared.Editing;

namespace KennisHub.Web.Pages.Themas;

/// <summary>The theme form as posted.</summary>
public sealed class ThemeInput : IEditorInput
{
    public Guid Id { get; set; }

    public int BaseRevision { get; set; }

    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Summary { get; set; }

    /// <summary>The ambition and the rest of the theme's text.</summary>
    public string? Body { get; set; }

    public string Visibility { get; set; } = nameof(Core.Reading.Visibility.Atelier);

    public string Status { get; set; } = nameof(ThemeStatus.Exploring);

    public Guid? LeadOrganisationId { get; set; }

    public List<string?> Keywords { get; set; } = [];

    public string? ChangeSummary { get; set; }

    /// <summary>The fields for the write handler; an empty slug is proposed from the title.</summary>
    public ThemeFields ToFields() => new()
    {
        Title = Title ?? string.Empty,
        Slug = string.IsNullOrWhiteSpace(Slug) ? Slugs.Slugify(Title ?? string.Empty) : Slug,
        Summary = Summary ?? string.Empty,
        Body = Body ?? string.Empty,
        Visibility = Visibility,
        Status = Status,
        LeadOrganisationId = LeadOrganisationId,
        Keywords = Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!).ToList(),
    };

    public static ThemeInput From(ThemeEdit edit) => new()
    {
        Id = edit.Id,
        BaseRevision = edit.Revision,
        Title = edit.Fields.Title,
        Slug = edit.Fields.Slug,
        Summary = edit.Fields.Summary,
        Body = edit.Fields.Body,
        Visibility = edit.Fields.Visibility,
        Status = edit.Fields.Status,
        LeadOrganisationId = edit.Fields.LeadOrganisationId,
        Keywords = [.. edit.Fields.Keywords],
    };
}

/// <summary>What /themas/nieuw and /themas/{slug}/bewerken share.</summary>
public abstract class ThemeFormModel(ContentEditing editing, EditorSupport support) : EditorFormModel<ThemeInput>(editing, support)
{
    protected override string DraftTitle() => Input.Title ?? string.Empty;

    protected override string SubjectKind => Core.Revisions.SubjectKinds.Theme;

    protected override string DetailsPath(string slug) => $"/themas/{slug}";
}
