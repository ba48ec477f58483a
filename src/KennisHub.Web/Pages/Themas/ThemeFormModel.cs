using KennisHub.Core.Content;
using KennisHub.Core.Themes;
using KennisHub.Web.Pages.Shared.Editing;

namespace KennisHub.Web.Pages.Themas;

/// <summary>The theme form as posted; <see cref="EditorInput.Body"/> holds the ambition and the rest of the theme's text.</summary>
public sealed class ThemeInput() : EditorInput(nameof(Core.Reading.Visibility.Atelier))
{
    public string Status { get; set; } = nameof(ThemeStatus.Exploring);

    public Guid? LeadOrganisationId { get; set; }

    /// <summary>The fields for the write handler; an empty slug is proposed from the title.</summary>
    public ThemeFields ToFields() => new()
    {
        Title = TitleText,
        Slug = SlugOrProposed,
        Summary = Summary ?? string.Empty,
        Body = Body ?? string.Empty,
        Visibility = Visibility,
        Status = Status,
        LeadOrganisationId = LeadOrganisationId,
        Keywords = KeywordNames,
    };

    public static ThemeInput From(ThemeEdit edit)
    {
        var fields = edit.Fields;
        var input = new ThemeInput { Status = fields.Status, LeadOrganisationId = fields.LeadOrganisationId };
        input.Load(edit.Id, edit.Revision, fields.Title, fields.Slug, fields.Summary, fields.Body, fields.Visibility, fields.Keywords);
        return input;
    }
}

/// <summary>What /themas/nieuw and /themas/{slug}/bewerken share.</summary>
public abstract class ThemeFormModel(ContentEditing editing, EditorSupport support) : EditorFormModel<ThemeInput>(editing, support)
{
    protected override string DraftTitle() => Input.Title ?? string.Empty;

    protected override string SubjectKind => Core.Revisions.SubjectKinds.Theme;

    protected override string DetailsPath(string slug) => $"/themas/{slug}";
}
