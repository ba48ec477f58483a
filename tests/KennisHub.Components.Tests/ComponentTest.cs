using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Components.Tests;

/// <summary>
/// bUnit with the real localization (ComponentText.resx / .en.resx), in Dutch unless a test says
/// <see cref="InEnglish"/>. Assertions go through roles and accessible names where the markup carries them.
/// </summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        Services.AddLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
    }

    protected static void InEnglish() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");

    /// <summary>The text a screen reader announces for an element: its text content with hidden icons left out.</summary>
    protected static string AccessibleText(AngleSharp.Dom.IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
