using KennisHub.Core.Organisations;
using KennisHub.Core.Reading;
using KennisHub.Web.Pages.Kennis;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Organisaties;

/// <summary>/organisaties: all organisations by name, paged, filtered by ?soort= (kind) and ?provincie=.</summary>
public sealed class IndexModel(OrganisationQueries organisations, IStringLocalizer<KnowledgeText> text) : PageModel
{
    public ListPage<OrganisationSummary>? Organisations { get; private set; }

    public IReadOnlyList<string> Provinces { get; private set; } = [];

    public OrganisationKind? Kind { get; private set; }

    public string? Province { get; private set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "soort")] string? soort,
        [FromQuery(Name = "provincie")] string? provincie,
        [FromQuery(Name = "pagina")] string? pagina,
        CancellationToken cancellationToken)
    {
        Provinces = await organisations.ListProvincesAsync(cancellationToken);
        if (!KnowledgeFormat.TryParsePage(pagina, out var page))
        {
            return BadRequestPage(text["Paging_Invalid", pagina ?? string.Empty]);
        }

        var filter = OrganisationFilterQuery.Parse(soort, provincie, Provinces, text);
        (Kind, Province) = (filter.Kind, filter.Province);
        if (filter.Error is { } error)
        {
            return BadRequestPage(error);
        }

        Organisations = await organisations.ListAsync(new OrganisationFilter(Kind, Province), page, KnowledgeFormat.PageSize, cancellationToken);
        if (Organisations.IsPastEnd)
        {
            return NotFound();
        }

        return Page();
    }

    /// <summary>The address of page {0} of this list with the filters kept: what the Pager component links to.</summary>
    public string PageUrlFormat => KnowledgeFormat.PageUrlFormat(page => Url.Page("/Organisaties/Index", new { soort = Kind?.ToString(), provincie = Province, pagina = page }));

    private PageResult BadRequestPage(string message)
    {
        ErrorMessage = message;
        var result = Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }
}
