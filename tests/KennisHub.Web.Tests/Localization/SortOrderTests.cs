using System.Globalization;
using KennisHub.Web.Infrastructure;

namespace KennisHub.Web.Tests.Localization;

/// <summary>Lists sorted in memory follow the reader's language, not the character codes.</summary>
public sealed class SortOrderTests
{
    [Fact]
    public void Names_sort_as_a_Dutch_reader_expects_ignoring_case_and_accents()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
        try
        {
            string[] names = ["Zwolle", "gemeente Ede", "Émmen", "Almere", "'s-Hertogenbosch", "Assen"];

            var sorted = names.Order(LocalizationSetup.SortComparer).ToArray();

            // Ordinal order would put "gemeente Ede" after "Zwolle" and "Émmen" last.
            sorted.ShouldBe(["'s-Hertogenbosch", "Almere", "Assen", "Émmen", "gemeente Ede", "Zwolle"]);
            names.Order(StringComparer.Ordinal).Last().ShouldBe("Émmen");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
