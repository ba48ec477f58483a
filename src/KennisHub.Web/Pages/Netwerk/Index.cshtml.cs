using KennisHub.Core.Network;
using KennisHub.Core.Organisations;
using KennisHub.Web.Pages.Organisaties;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Netwerk;

/// <summary>
/// /netwerk: the overlap of networks as a server-rendered UpSet diagram (<see cref="OverlapPicture"/>, laid out by
/// <see cref="OverlapLayout"/>) and a table that says the same, filtered by the members' ?provincie= and ?soort=.
/// Public, and cached per content version like the other public pages.
/// </summary>
public sealed class IndexModel(OverlapQueries overlap, OrganisationQueries organisations, IStringLocalizer<KnowledgeText> text) : PageModel
{
    public OverlapPicture? Picture { get; private set; }

    public OrganisationFilterView Filter { get; private set; } = null!;

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "soort")] string? soort, [FromQuery(Name = "provincie")] string? provincie, CancellationToken cancellationToken)
    {
        var provinces = await organisations.ListProvincesAsync(cancellationToken);
        var filter = OrganisationFilterQuery.Parse(soort, provincie, provinces, text);
        Filter = new OrganisationFilterView("/netwerk", filter.Kind, filter.Province, provinces);
        if (filter.Error is { } error)
        {
            ErrorMessage = error;
            var result = Page();
            result.StatusCode = StatusCodes.Status400BadRequest;
            return result;
        }

        Picture = await overlap.PictureAsync(new OverlapFilter(filter.Province, filter.Kind), cancellationToken);
        return Page();
    }

    /// <summary>A combination in words: "VNG + G4".</summary>
    public string CombinationName(OverlapCombination combination)
        => string.Join(" + ", combination.SetIndexes.Select(i => Picture!.Sets[i].Name));
}
