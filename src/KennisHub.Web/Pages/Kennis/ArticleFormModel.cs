using KennisHub.Core.Articles;
using KennisHub.Core.Content;
using KennisHub.Web.Pages.Shared.Editing;

namespace KennisHub.Web.Pages.Kennis;

/// <summary>The article form as posted: every field, the revision the edit started from, and nothing derived.</summary>
public sealed class ArticleInput() : EditorInput(nameof(Core.Reading.Visibility.Public))
{
    public Guid? OrganisationId { get; set; }

    public List<Guid> ThemeIds { get; set; } = [];

    /// <summary>The fields for the write handler; an empty slug is proposed from the title.</summary>
    public ArticleFields ToFields() => new()
    {
        Title = TitleText,
        Slug = SlugOrProposed,
        Summary = Summary ?? string.Empty,
        Body = Body ?? string.Empty,
        Visibility = Visibility,
        OrganisationId = OrganisationId,
        ThemeIds = ThemeIds,
        Keywords = KeywordNames,
    };

    public static ArticleInput From(ArticleEdit edit)
    {
        var fields = edit.Fields;
        var input = new ArticleInput { OrganisationId = fields.OrganisationId, ThemeIds = [.. fields.ThemeIds] };
        input.Load(edit.Id, edit.Revision, fields.Title, fields.Slug, fields.Summary, fields.Body, fields.Visibility, fields.Keywords);
        return input;
    }
}

/// <summary>What /kennis/nieuw and /kennis/{slug}/bewerken share.</summary>
public abstract class ArticleFormModel(ContentEditing editing, EditorSupport support) : EditorFormModel<ArticleInput>(editing, support)
{
    protected override string DraftTitle() => Input.Title ?? string.Empty;

    protected override string SubjectKind => Core.Revisions.SubjectKinds.Article;

    protected override string DetailsPath(string slug) => $"/kennis/{slug}";
}
