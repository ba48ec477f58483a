using KennisHub.Core.Articles;
using KennisHub.Core.Content;
using KennisHub.Core.Reading;
using KennisHub.Web.Pages.Shared.Editing;

namespace KennisHub.Web.Pages.Kennis;

/// <summary>The article form as posted: every field, the revision the edit started from, and nothing derived.</summary>
public sealed class ArticleInput : IEditorInput
{
    /// <summary>Prepared when the form opens, so that a double submit finds the article it made.</summary>
    public Guid Id { get; set; }

    public int BaseRevision { get; set; }

    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public string Visibility { get; set; } = nameof(Core.Reading.Visibility.Public);

    public Guid? OrganisationId { get; set; }

    public List<Guid> ThemeIds { get; set; } = [];

    public List<string?> Keywords { get; set; } = [];

    public string? ChangeSummary { get; set; }

    /// <summary>The fields for the write handler; an empty slug is proposed from the title.</summary>
    public ArticleFields ToFields() => new()
    {
        Title = Title ?? string.Empty,
        Slug = string.IsNullOrWhiteSpace(Slug) ? Slugs.Slugify(Title ?? string.Empty) : Slug,
        Summary = Summary ?? string.Empty,
        Body = Body ?? string.Empty,
        Visibility = Visibility,
        OrganisationId = OrganisationId,
        ThemeIds = ThemeIds,
        Keywords = Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!).ToList(),
    };

    public static ArticleInput From(ArticleEdit edit) => new()
    {
        Id = edit.Id,
        BaseRevision = edit.Revision,
        Title = edit.Fields.Title,
        Slug = edit.Fields.Slug,
        Summary = edit.Fields.Summary,
        Body = edit.Fields.Body,
        Visibility = edit.Fields.Visibility,
        OrganisationId = edit.Fields.OrganisationId,
        ThemeIds = [.. edit.Fields.ThemeIds],
        Keywords = [.. edit.Fields.Keywords],
    };
}

/// <summary>What /kennis/nieuw and /kennis/{slug}/bewerken share.</summary>
public abstract class ArticleFormModel(ContentEditing editing, EditorSupport support) : EditorFormModel<ArticleInput>(editing, support)
{
    protected override string DraftTitle() => Input.Title ?? string.Empty;

    protected override string SubjectKind => Core.Revisions.SubjectKinds.Article;

    protected override string DetailsPath(string slug) => $"/kennis/{slug}";
}
