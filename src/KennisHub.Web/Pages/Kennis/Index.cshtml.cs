using KennisHub.Core.Articles;
using KennisHub.Core.Keywords;
using KennisHub.Core.Reading;
using KennisHub.Core.Themes;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Kennis;

/// <summary>
/// /kennis: the articles this reader may see, newest first, paged, optionally filtered by ?thema= and ?trefwoord=.
/// A bad page number or an unknown theme or keyword answers 400 with a Dutch message; a page past the end is 404.
/// </summary>
public sealed class IndexModel(
    ArticleQueries articles,
    ThemeQueries themes,
    KeywordQueries keywords,
    IStringLocalizer<KnowledgeText> text) : PageModel
{
    public ListPage<ArticleSummary>? Articles { get; private set; }

    /// <summary>How many themes the filter offers (the most recently updated); /themas lists them all.</summary>
    public const int FilterThemeCount = 40;

    /// <summary>The filter's themes: the most recently updated ones this reader may see, plus the chosen one.</summary>
    public IReadOnlyList<ThemeSummary> Themes { get; private set; } = [];

    /// <summary>True when the reader may see more themes than the filter offers.</summary>
    public bool MoreThemes { get; private set; }

    public string? ThemeSlug { get; private set; }

    public string? ThemeTitle { get; private set; }

    /// <summary>Whether the chosen theme is public, so that its open feed exists.</summary>
    public bool ThemeIsPublic { get; private set; }

    public string? KeywordSlug { get; private set; }

    public string? KeywordName { get; private set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "thema")] string? thema,
        [FromQuery(Name = "trefwoord")] string? trefwoord,
        [FromQuery(Name = "pagina")] string? pagina,
        CancellationToken cancellationToken)
    {
        var reader = User.ToReader();
        var filterThemes = await themes.ListForFilterAsync(reader, FilterThemeCount, cancellationToken);
        (Themes, MoreThemes) = (filterThemes.Items, filterThemes.HasNext);
        if (!KnowledgeFormat.TryParsePage(pagina, out var page))
        {
            return BadRequestPage(text["Paging_Invalid", pagina ?? string.Empty]);
        }

        if (!string.IsNullOrWhiteSpace(thema))
        {
            var theme = await themes.FindSummaryBySlugAsync(reader, thema, cancellationToken);
            if (theme is null)
            {
                return BadRequestPage(text["Articles_UnknownTheme", thema]);
            }

            (ThemeSlug, ThemeTitle, ThemeIsPublic) = (theme.Slug, theme.Title, theme.Visibility == Visibility.Public);
            if (!Themes.Any(t => t.Slug == theme.Slug))
            {
                Themes = [theme, .. Themes];
            }
        }

        if (!string.IsNullOrWhiteSpace(trefwoord))
        {
            var keyword = await keywords.FindBySlugAsync(trefwoord, cancellationToken);
            if (keyword is null)
            {
                return BadRequestPage(text["Articles_UnknownKeyword", trefwoord]);
            }

            (KeywordSlug, KeywordName) = (keyword.Slug, keyword.Name);
        }

        Articles = await articles.ListAsync(reader, new ArticleFilter(ThemeSlug, KeywordSlug), page, KnowledgeFormat.PageSize, cancellationToken);
        if (Articles.IsPastEnd)
        {
            return NotFound();
        }

        return Page();
    }

    /// <summary>The address of page {0} of this list with the filters kept: what the Pager component links to.</summary>
    public string PageUrlFormat => KnowledgeFormat.PageUrlFormat(page => Url.Page("/Kennis/Index", new { thema = ThemeSlug, trefwoord = KeywordSlug, pagina = page }));

    private PageResult BadRequestPage(string message)
    {
        ErrorMessage = message;
        var result = Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }
}
