using KennisHub.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KennisHub.Browser.Tests.Journeys;

/// <summary>Someone who uses only the keyboard (WCAG 2.1.1, 2.4.1, 2.4.7).</summary>
public sealed class KeyboardJourneys(LiveSite site) : BrowserTest(site)
{
    [Fact]
    public async Task The_first_Tab_shows_the_skip_link_and_Enter_moves_focus_to_the_content()
    {
        await OpenAsync("/toegankelijkheid");

        await Page.Keyboard.PressAsync("Tab");

        var skipLink = Page.GetByRole(AriaRole.Link, new() { Name = "Naar de inhoud" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();
        await ExpectAccessibleAsync();

        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        // The next Tab lands on the first link inside the content, not back in the header.
        await Page.Keyboard.PressAsync("Tab");
        (await Page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_keyboard_user_switches_language_with_Tab_and_Enter()
    {
        await OpenAsync("/");
        var english = Page.GetByRole(AriaRole.Button, new() { Name = "English" });

        for (var i = 0; i < 10 && !await english.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        await Expect(english).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task Every_control_reached_with_Tab_shows_where_the_focus_is()
    {
        await OpenAsync("/");

        for (var i = 0; i < 12; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var focus = await Page.EvaluateAsync<string[]>(
                "() => { const e = document.activeElement, s = getComputedStyle(e); return [e.outerHTML.slice(0, 80), s.outlineStyle, s.outlineWidth]; }");
            if (focus[0].StartsWith("<body", StringComparison.Ordinal))
            {
                break;
            }

            focus[1].ShouldNotBe("none", $"geen zichtbare focus op {focus[0]}");
            focus[2].ShouldNotBe("0px", $"geen zichtbare focus op {focus[0]}");
        }
    }
}
