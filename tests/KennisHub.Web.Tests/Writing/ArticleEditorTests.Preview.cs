using System.Net;
using AngleSharp.Dom;
using KennisHub.Tests.Shared;
using KennisHub.Web.Tests.Infrastructure;

namespace KennisHub.Web.Tests.Writing;

/// <summary>The one editor on the article and theme pages: its markup, "Voorbeeld" without script, and the live preview endpoint.</summary>
public sealed partial class ArticleEditorTests
{
    [Theory]
    [InlineData("/kennis/nieuw", "lid@kennishub.example", "Tekst")]
    [InlineData("/themas/nieuw", "atelier@kennishub.example", "Ambitie en toelichting")]
    public async Task The_body_is_the_MarkdownEditor_with_its_label_toolbar_preview_button_and_live_preview(string address, string email, string label)
    {
        using var writer = await SignedInAsync(email);

        var page = await writer.GetPageAsync(address);

        var textarea = page.QuerySelector("form#editor textarea[name='Input.Body']")!;
        textarea.Id.ShouldBe("Input_Body");
        page.QuerySelector("label[for='Input_Body']")!.TextContent.ShouldBe(label);
        textarea.GetAttribute("aria-describedby").ShouldBe("Input_Body-hint");
        var toolbar = page.QuerySelector("[role=toolbar][aria-controls='Input_Body']")!;
        toolbar.HasAttribute("hidden").ShouldBeTrue();
        toolbar.QuerySelectorAll("button[type=button]").Length.ShouldBe(7);
        page.QuerySelector("button[formaction]")!.GetAttribute("formaction").ShouldBe(address + "?handler=Voorbeeld");
        textarea.GetAttribute("hx-post").ShouldBe(address + "?handler=VoorbeeldLive");
        page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ShouldContain(s => s.StartsWith("/js/editor.", StringComparison.Ordinal));
        page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ShouldContain(s => s.StartsWith("/lib/htmx/htmx.min.", StringComparison.Ordinal));
        page.QuerySelector("meta[name=htmx-config]")!.GetAttribute("content")!.ShouldContain("\"includeIndicatorStyles\":false");
        page.QuerySelector("form#editor")!.GetAttribute("data-kh-slug-target").ShouldBe("Input_Slug");
    }

    [Fact]
    public async Task An_edit_page_proposes_no_slug_and_its_preview_handlers_carry_the_items_address()
    {
        using var member = await SignedInAsync("lid@kennishub.example");
        var slug = NewSlug();
        (await member.SubmitAsync("/kennis/nieuw", ArticleForm("Vaste slug", slug, "Tekst."), "form#editor")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await member.GetPageAsync($"/kennis/{slug}/bewerken");

        page.QuerySelector("form#editor")!.GetAttribute("data-kh-slug-target").ShouldBeNullOrEmpty();
        page.QuerySelector("button[formaction]")!.GetAttribute("formaction").ShouldBe($"/kennis/{slug}/bewerken?handler=Voorbeeld");
        page.QuerySelector("textarea[name='Input.Body']")!.GetAttribute("hx-post").ShouldBe($"/kennis/{slug}/bewerken?handler=VoorbeeldLive");
    }

    [Fact]
    public async Task Voorbeeld_resolves_internal_links_for_this_reader_and_marks_a_hidden_one_broken_without_its_title()
    {
        using var member = await SignedInAsync("lid@kennishub.example");
        using var atelier = await SignedInAsync("atelier@kennishub.example");
        var visible = await WrittenAsync(member, "Zichtbaar doelartikel", "Public");
        var hidden = await WrittenAsync(atelier, "Geheime ateliertitel", "Atelier");
        var form = (await member.GetPageAsync("/kennis/nieuw")).QuerySelector("form#editor")!;

        using var response = await member.SubmitAsync(form, ArticleForm("Met links", NewSlug(), $"Zie [[{visible}]] en [[{hidden}]]."), "/kennis/nieuw?handler=Voorbeeld");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SiteClient.ParseAsync(response);
        // Shown at ?handler=Voorbeeld, the form must still save to the page itself.
        page.QuerySelector("form#editor button[type=submit]:not([formaction*=handler])")!.GetAttribute("formaction").ShouldBe("/kennis/nieuw");
        var preview = page.QuerySelector("#Input_Body-voorbeeld [data-kh-preview]")!;
        preview.QuerySelector("a.kh-link-internal")!.TextContent.ShouldBe("Zichtbaar doelartikel");
        preview.QuerySelector(".kh-link-broken")!.TextContent.ShouldContain(hidden);
        preview.TextContent.ShouldNotContain("Geheime ateliertitel");
    }

    [Fact]
    public async Task The_live_preview_answers_with_only_the_previews_markup_rendered_by_the_publishing_pipeline()
    {
        using var member = await SignedInAsync("lid@kennishub.example");
        var form = (await member.GetPageAsync("/kennis/nieuw")).QuerySelector("form#editor")!;

        using var response = await member.SubmitAsync(form, ArticleForm("Live", NewSlug(), "## Aanpak\n\nDit is **vet** en [[bestaat-nergens]]."), "/kennis/nieuw?handler=VoorbeeldLive");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = (await response.Content.ReadAsStringAsync(Ct)).Trim();
        html.ShouldStartWith("<div class=\"utrecht-html kh-preview__body\" data-kh-preview>");
        html.ShouldNotContain("<html", Case.Insensitive);
        html.ShouldNotContain("<form", Case.Insensitive);
        var fragment = await SiteClient.ParseAsync(response);
        fragment.QuerySelector("[data-kh-preview] h2")!.TextContent.ShouldBe("Aanpak");
        fragment.QuerySelector("[data-kh-preview] strong")!.TextContent.ShouldBe("vet");
        fragment.QuerySelector(".kh-link-broken")!.TextContent.ShouldBe("bestaat-nergens (link werkt niet)");
    }

    [Fact]
    public async Task The_live_preview_turns_every_attack_into_harmless_markup()
    {
        using var member = await SignedInAsync("lid@kennishub.example");
        var form = (await member.GetPageAsync("/kennis/nieuw")).QuerySelector("form#editor")!;
        var failures = new List<string>();

        foreach (var attack in AttackCorpus.All)
        {
            using var response = await member.SubmitAsync(form, ArticleForm("Aanval", NewSlug(), attack), "/kennis/nieuw?handler=VoorbeeldLive");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, attack);
            var fragment = await SiteClient.ParseAsync(response);
            failures.AddRange(HtmlSafety.Problems(fragment.Body!, new HashSet<string>()).Select(p => $"{attack}: {p}"));
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_live_preview_refuses_a_post_without_the_forms_antiforgery_token()
    {
        using var member = await SignedInAsync("lid@kennishub.example");

        using var refused = await member.Http.PostAsync("/kennis/nieuw?handler=VoorbeeldLive", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Body"] = "Tekst" }), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task On_someone_elses_article_the_live_preview_is_403_and_on_a_hidden_one_404()
    {
        using var writer = await SignedInAsync("atelier@kennishub.example");
        var open = await WrittenAsync(writer, "Van het atelier", "Public");
        var atelierOnly = await WrittenAsync(writer, "Alleen atelier", "Atelier");
        using var member = await SignedInAsync("lid@kennishub.example");
        var form = (await member.GetPageAsync("/kennis/nieuw")).QuerySelector("form#editor")!;

        using var notTheirs = await member.SubmitAsync(form, ArticleForm("x", open, "Tekst"), $"/kennis/{open}/bewerken?handler=VoorbeeldLive");
        using var notVisible = await member.SubmitAsync(form, ArticleForm("x", atelierOnly, "Tekst"), $"/kennis/{atelierOnly}/bewerken?handler=VoorbeeldLive");

        notTheirs.Headers.Location!.OriginalString.ShouldContain("/account/geen-toegang");
        notVisible.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_refused_save_shows_the_bodys_error_in_the_editor_and_keeps_the_text()
    {
        using var member = await SignedInAsync("lid@kennishub.example");

        using var response = await member.SubmitAsync("/kennis/nieuw", ArticleForm("Zonder tekst", NewSlug(), "   "), "form#editor");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await SiteClient.ParseAsync(response);
        var textarea = page.QuerySelector("textarea[name='Input.Body']")!;
        textarea.GetAttribute("aria-invalid").ShouldBe("true");
        textarea.GetAttribute("aria-describedby").ShouldBe("Input_Body-hint Input_Body-error");
        page.QuerySelector("#Input_Body-error")!.TextContent.ShouldContain("Tekst");
        page.QuerySelector("[data-kh-error-summary] a[href='#Input_Body']").ShouldNotBeNull();
        page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value").ShouldBe("Zonder tekst");
    }

    /// <summary>A new article by <paramref name="writer"/> with this visibility; its slug.</summary>
    private static async Task<string> WrittenAsync(SiteClient writer, string title, string visibility)
    {
        var (slug, fields) = (NewSlug(), ArticleForm(title, string.Empty, "Tekst."));
        (fields["Input.Slug"], fields["Input.Visibility"]) = (slug, visibility);
        (await writer.SubmitAsync("/kennis/nieuw", fields, "form#editor")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return slug;
    }
}
