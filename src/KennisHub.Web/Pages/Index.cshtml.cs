using KennisHub.Core.Articles;
using KennisHub.Core.Themes;
using KennisHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages;

/// <summary>Home: a short intro, and the recent themes and articles this reader may see.</summary>
public sealed class IndexModel(ThemeQueries themes, ArticleQueries articles) : PageModel
{
    private const int RecentCount = 6;

    public IReadOnlyList<ThemeSummary> Themes { get; private set; } = [];

    public IReadOnlyList<ArticleSummary> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reader = User.ToReader();
        Themes = await themes.ListRecentAsync(reader, RecentCount, cancellationToken);
        Articles = await articles.ListRecentAsync(reader, RecentCount, cancellationToken);
    }
}
