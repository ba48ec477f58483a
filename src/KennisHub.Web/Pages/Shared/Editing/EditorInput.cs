using KennisHub.Core.Content;

namespace KennisHub.Web.Pages.Shared.Editing;

/// <summary>
/// The fields every kind of text posts the same way (title, slug, summary, body, visibility, keywords, change
/// summary) and their one mapping to what the write handlers take: an empty slug proposed from the title, empty
/// keyword fields dropped. Each kind adds its own fields (an article's themes, a theme's status).
/// </summary>
public abstract class EditorInput(string defaultVisibility) : IEditorInput
{
    /// <summary>Prepared when the form opens, so that a double submit finds the item it made.</summary>
    public Guid Id { get; set; }

    public int BaseRevision { get; set; }

    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    /// <summary>A <see cref="Core.Reading.Visibility"/> name.</summary>
    public string Visibility { get; set; } = defaultVisibility;

    public List<string?> Keywords { get; set; } = [];

    public string? ChangeSummary { get; set; }

    /// <summary>The title as the write handler takes it.</summary>
    protected string TitleText => Title ?? string.Empty;

    /// <summary>The slug typed, or (empty) the one the server proposes from the title, by the same rules as the form's script.</summary>
    protected string SlugOrProposed => string.IsNullOrWhiteSpace(Slug) ? Slugs.Slugify(TitleText) : Slug;

    /// <summary>The keyword fields that hold a name.</summary>
    protected List<string> KeywordNames => Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!).ToList();

    /// <summary>Fills the shared fields from a stored item, for its edit form.</summary>
    protected void Load(Guid id, int revision, string title, string slug, string summary, string body, string visibility, IEnumerable<string> keywords)
    {
        (Id, BaseRevision, Title, Slug, Summary, Body, Visibility) = (id, revision, title, slug, summary, body, visibility);
        Keywords = [.. keywords];
    }
}
