using System.Globalization;
using KennisHub.Core.Search;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Pages.Kennis;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Zoeken;

/// <summary>
/// /zoeken?q=...&amp;pagina=N: ranked results over everything the reader may see (Core/Search/Searcher). The
/// whole search is in the address, so it can be shared. Any text is a valid query: what cannot be searched gets a
/// Dutch sentence, never an error page. Rate limited per client (SecuritySetup.SearchPolicy).
/// </summary>
public sealed class IndexModel(Searcher searcher, IStringLocalizer<SearchText> text) : PageModel
{
    public string Query { get; private set; } = string.Empty;

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<string> Notices { get; private set; } = [];

    public string PageUrlFormat => "/zoeken?q=" + Uri.EscapeDataString(Query) + "&pagina={0}";

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "pagina")] string? pagina, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(q);
        Query = query.Text;
        var page = KnowledgeFormat.TryParsePage(pagina, out var parsed) ? parsed : 1;
        var notices = new List<string>();
        switch (query.Notice)
        {
            case QueryNotice.Shortened:
                notices.Add(text["Notice_Shortened", SearchQuery.MaxLength]);
                break;
            case QueryNotice.OnlyStopWords:
                notices.Add(text["Notice_OnlyStopWords", query.Text]);
                break;
            case QueryNotice.OnlyExclusions:
                notices.Add(text["Notice_OnlyExclusions"]);
                break;
            case QueryNotice.Empty when q is not null:
                notices.Add(text["Notice_Empty"]);
                break;
            default:
                break;
        }

        Notices = notices;
        if (query.CanSearch)
        {
            Results = await searcher.SearchAsync(User.ToReader(), query, page, cancellationToken);
        }

        return Page();
    }

    public string KindName(string kind) => text["Kind_" + kind];

    public static string Date(DateTimeOffset date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
}
