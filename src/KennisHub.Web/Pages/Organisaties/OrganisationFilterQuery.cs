using KennisHub.Core.Organisations;
using KennisHub.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Organisaties;

/// <summary>
/// The ?soort= and ?provincie= filter as /organisaties and /netwerk read it from the URL: case-insensitive against the
/// kinds and the provinces that occur; anything else is a Dutch message for a 400 page.
/// </summary>
public sealed record OrganisationFilterQuery(OrganisationKind? Kind, string? Province, string? Error)
{
    public static OrganisationFilterQuery Parse(string? soort, string? provincie, IReadOnlyList<string> provinces, IStringLocalizer<KnowledgeText> text)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        ArgumentNullException.ThrowIfNull(text);
        OrganisationKind? kind = null;
        if (!string.IsNullOrWhiteSpace(soort))
        {
            var name = Enum.GetNames<OrganisationKind>().FirstOrDefault(n => n.Equals(soort, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                return new(null, null, text["Organisations_UnknownKind", soort]);
            }

            kind = Enum.Parse<OrganisationKind>(name);
        }

        string? province = null;
        if (!string.IsNullOrWhiteSpace(provincie))
        {
            province = provinces.FirstOrDefault(p => p.Equals(provincie, StringComparison.OrdinalIgnoreCase));
            if (province is null)
            {
                return new(kind, null, text["Organisations_UnknownProvince", provincie]);
            }
        }

        return new(kind, province, null);
    }
}

/// <summary>What the shared filter form shows: where it sends the choice, and the current choice.</summary>
public sealed record OrganisationFilterView(string Action, OrganisationKind? Kind, string? Province, IReadOnlyList<string> Provinces);
