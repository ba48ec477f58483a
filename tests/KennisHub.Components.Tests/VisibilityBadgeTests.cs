using Bunit;
using KennisHub.Core.Reading;

namespace KennisHub.Components.Tests;

public sealed class VisibilityBadgeTests : ComponentTest
{
    [Theory]
    [InlineData(Visibility.Public, "Openbaar")]
    [InlineData(Visibility.Network, "Alleen netwerkleden")]
    [InlineData(Visibility.Atelier, "Alleen atelier")]
    public void A_badge_says_in_words_who_may_read_never_by_colour_alone(Visibility visibility, string word)
    {
        var badge = Render<VisibilityBadge>(p => p.Add(c => c.Visibility, visibility)).Find(".kh-badge");

        AccessibleText(badge).ShouldBe("Zichtbaarheid: " + word);
        badge.QuerySelector(".kh-visually-hidden")!.TextContent.Trim().ShouldBe("Zichtbaarheid:");
    }

    [Theory]
    [InlineData(Visibility.Public)]
    [InlineData(Visibility.Network)]
    [InlineData(Visibility.Atelier)]
    public void The_icon_is_decoration_hidden_from_screen_readers(Visibility visibility)
    {
        var icon = Render<VisibilityBadge>(p => p.Add(c => c.Visibility, visibility)).Find("svg");

        icon.GetAttribute("aria-hidden").ShouldBe("true");
        icon.GetAttribute("focusable").ShouldBe("false");
    }

    [Fact]
    public void Each_visibility_has_its_own_icon()
    {
        var icons = Enum.GetValues<Visibility>()
            .Select(v => Render<VisibilityBadge>(p => p.Add(c => c.Visibility, v)).Find("svg").InnerHtml)
            .ToList();

        icons.Distinct().Count().ShouldBe(icons.Count);
    }

    [Fact]
    public void In_English_the_badge_says_Network_members_only()
    {
        InEnglish();

        var badge = Render<VisibilityBadge>(p => p.Add(c => c.Visibility, Visibility.Network)).Find(".kh-badge");

        AccessibleText(badge).ShouldBe("Visibility: Network members only");
    }
}
