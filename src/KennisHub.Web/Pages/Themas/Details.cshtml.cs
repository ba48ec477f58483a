using KennisHub.Core.Articles;
using KennisHub.Core.Attachments;
using KennisHub.Core.Content;
using KennisHub.Core.Linking;
using KennisHub.Core.Reading;
using KennisHub.Core.Revisions;
using KennisHub.Core.Themes;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Pages.Shared.Editing;
using KennisHub.Web.Pages.Kennis;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Themas;

/// <summary>
/// /themas/{slug}: the theme's stored HTML and a page of its articles this reader may see; 404 when the theme is not
/// visible, and for a bad or past-the-end ?pagina=.
/// </summary>
public sealed class DetailsModel(
    ThemeQueries themes,
    ArticleQueries articles,
    LinkQueries links,
    AttachmentStore attachmentStore,
    SlugRedirects redirects,
    IAuthorizationService authorization,
    IStringLocalizer<HistoryText> historyText) : PageModel
{
    /// <summary>Whether this reader may edit the theme (shows "Bewerken").</summary>
    public bool MayEdit { get; private set; }

    /// <summary>The status line of the save that led here (set by the editor, read once).</summary>
    public string? Status { get; private set; }

    public ThemeDetail Theme { get; private set; } = null!;

    /// <summary>The body with every internal link resolved for this reader (or marked broken).</summary>
    public string BodyHtml { get; private set; } = string.Empty;

    /// <summary>"Verwijst hierheen": the items this reader may see that link to this theme.</summary>
    public IReadOnlyList<LinkedItem> LinkedFrom { get; private set; } = [];

    /// <summary>The item's images and files (the same visibility as the item).</summary>
    public IReadOnlyList<AttachmentSummary> Attachments { get; private set; } = [];

    public ListPage<ArticleSummary> Articles { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "pagina")] string? pagina, CancellationToken cancellationToken)
    {
        var reader = User.ToReader();
        var theme = await themes.FindBySlugAsync(reader, slug, cancellationToken);
        if (theme is null)
        {
            // A renamed theme answers on its old slug with a permanent redirect (if this reader may see it).
            return await redirects.CurrentSlugAsync(reader, SubjectKinds.Theme, slug, cancellationToken) is { } current
                ? RedirectPermanent($"/themas/{current}")
                : NotFound();
        }

        if (!KnowledgeFormat.TryParsePage(pagina, out var page))
        {
            return NotFound();
        }

        Theme = theme;
        MayEdit = reader.IsSignedIn
            && (await authorization.AuthorizeAsync(User, new ItemResource(SubjectKinds.Theme, theme.Id), Policies.EditThisTheme)).Succeeded;
        Status = reader.IsSignedIn ? SaveStatus.ReadOnce(this) : null;
        Articles = await articles.ListAsync(reader, new ArticleFilter(ThemeSlug: theme.Slug), page, KnowledgeFormat.PageSize, cancellationToken);
        if (Articles.IsPastEnd)
        {
            return NotFound();
        }

        var itemLinks = await links.ForItemAsync(reader, SubjectKinds.Theme, theme.Slug, theme.BodyHtml, cancellationToken);
        BodyHtml = LinkResolver.Resolve(theme.BodyHtml, itemLinks.Targets, historyText["Links_Broken"]);
        LinkedFrom = itemLinks.LinkedFrom;
        Attachments = await attachmentStore.ListAsync(reader, SubjectKinds.Theme, theme.Id, cancellationToken);
        return Page();
    }

    /// <summary>The address of page {0} of the theme's articles: what the Pager component links to.</summary>
    public string PageUrlFormat => KnowledgeFormat.PageUrlFormat(page => Url.Page("/Themas/Details", new { slug = Theme.Slug, pagina = page }));
}
