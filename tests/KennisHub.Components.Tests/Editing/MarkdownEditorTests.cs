using Bunit;
using KennisHub.Components.Editing;
using KennisHub.Core.Linking;

namespace KennisHub.Components.Tests.Editing;

public sealed class MarkdownEditorTests : ComponentTest
{
    private IRenderedComponent<MarkdownEditor> RenderEditor(Action<ComponentParameterCollectionBuilder<MarkdownEditor>>? more = null) =>
        Render<MarkdownEditor>(p =>
        {
            p.Add(c => c.Name, "Input.Body").Add(c => c.Label, "Tekst").Add(c => c.Hint, "In Markdown.").Add(c => c.Rows, 20);
            more?.Invoke(p);
        });

    [Fact]
    public void The_textarea_has_the_forms_name_and_id_its_label_and_its_hint()
    {
        var editor = RenderEditor();

        var textarea = editor.Find("textarea");
        textarea.GetAttribute("name").ShouldBe("Input.Body");
        textarea.Id.ShouldBe("Input_Body");
        textarea.GetAttribute("rows").ShouldBe("20");
        editor.Find("label[for='Input_Body']").TextContent.ShouldBe("Tekst");
        editor.Find("#Input_Body-hint").TextContent.ShouldBe("In Markdown.");
        textarea.GetAttribute("aria-describedby").ShouldBe("Input_Body-hint");
        textarea.GetAttribute("aria-required").ShouldBe("true");
        textarea.HasAttribute("aria-invalid").ShouldBeFalse();
    }

    [Fact]
    public void What_was_typed_comes_back_exactly_also_markup_and_a_leading_blank_line()
    {
        const string typed = "\nEerste regel na een lege.\n\n</textarea><script>alert(1)</script> & **vet**";

        var editor = RenderEditor(p => p.Add(c => c.Value, typed));

        editor.Find("textarea").TextContent.ShouldBe(typed);
        editor.FindAll("script").ShouldBeEmpty();
    }

    [Fact]
    public void An_error_is_shown_above_the_textarea_tied_to_it_and_marks_it_invalid()
    {
        var editor = RenderEditor(p => p.Add(c => c.ValidationMessage, "Tekst: vul dit veld in.").Add(c => c.Value, "bewaard"));

        var textarea = editor.Find("textarea");
        textarea.GetAttribute("aria-invalid").ShouldBe("true");
        textarea.GetAttribute("aria-describedby").ShouldBe("Input_Body-hint Input_Body-error");
        textarea.ClassList.ShouldContain("utrecht-textarea--invalid");
        AccessibleText(editor.Find("#Input_Body-error")).ShouldBe("Fout: Tekst: vul dit veld in.");
        editor.Find(".kh-md-editor").ClassList.ShouldContain("utrecht-form-field--invalid");
        textarea.TextContent.ShouldBe("bewaard");
    }

    [Fact]
    public void An_optional_field_says_so_and_is_not_required()
    {
        var editor = Render<MarkdownEditor>(p => p.Add(c => c.Name, "Input.Body").Add(c => c.Label, "Tekst").Add(c => c.Optional, true));

        editor.Find("label").TextContent.ShouldBe("Tekst (niet verplicht)");
        editor.Find("textarea").HasAttribute("aria-required").ShouldBeFalse();
        editor.Find("textarea").HasAttribute("aria-describedby").ShouldBeFalse();
    }

    [Fact]
    public void The_toolbar_is_hidden_until_script_shows_it_and_holds_seven_plain_buttons_with_Dutch_names()
    {
        var toolbar = RenderEditor().Find("[role=toolbar]");

        toolbar.HasAttribute("hidden").ShouldBeTrue();
        toolbar.GetAttribute("aria-label").ShouldBe("Opmaak voor Tekst");
        toolbar.GetAttribute("aria-controls").ShouldBe("Input_Body");
        var buttons = toolbar.QuerySelectorAll("button");
        buttons.Select(b => b.TextContent).ShouldBe(["Kop", "Vet", "Cursief", "Opsomming", "Link", "Tabel", "Citaat"]);
        buttons.ShouldAllBe(b => b.GetAttribute("type") == "button");
        buttons.Select(b => b.GetAttribute("tabindex")).ShouldBe(["0", "-1", "-1", "-1", "-1", "-1", "-1"]);
        buttons.Select(b => b.GetAttribute("data-kh-md")).ShouldBe(["heading", "bold", "italic", "list", "link", "table", "quote"]);
        toolbar.QuerySelector("[data-kh-md=bold]")!.GetAttribute("aria-keyshortcuts").ShouldBe("Control+B");
    }

    [Fact]
    public void In_English_the_toolbar_and_preview_speak_English()
    {
        InEnglish();

        var editor = RenderEditor(p => p.Add(c => c.PreviewAction, "/kennis/nieuw?handler=Voorbeeld").Add(c => c.Preview, PreviewContent.Empty));

        editor.FindAll("[role=toolbar] button").Select(b => b.TextContent).ShouldBe(["Heading", "Bold", "Italic", "List", "Link", "Table", "Quote"]);
        editor.Find("button[type=submit]").TextContent.ShouldBe("Preview");
        editor.Find(".kh-preview h2").TextContent.ShouldBe("Preview");
        editor.Find(".kh-preview__empty").TextContent.ShouldBe("There is no text to show yet.");
    }

    [Fact]
    public void Without_preview_settings_there_is_no_button_no_region_and_no_htmx()
    {
        var editor = RenderEditor();

        editor.FindAll("button[type=submit]").ShouldBeEmpty();
        editor.FindAll(".kh-preview").ShouldBeEmpty();
        editor.Find("textarea").Attributes.Select(a => a.Name).ShouldNotContain(n => n.StartsWith("hx-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_Voorbeeld_button_submits_the_form_to_the_preview_handler_and_the_preview_shows_below()
    {
        var editor = RenderEditor(p => p
            .Add(c => c.PreviewAction, "/kennis/nieuw?handler=Voorbeeld")
            .Add(c => c.Preview, new PreviewContent("<p>Dit is <strong>vet</strong>.</p>", [])));

        var button = editor.Find("button[type=submit]");
        button.TextContent.ShouldBe("Voorbeeld");
        button.GetAttribute("formaction").ShouldBe("/kennis/nieuw?handler=Voorbeeld");
        var region = editor.Find("section.kh-preview");
        region.HasAttribute("hidden").ShouldBeFalse();
        region.GetAttribute("aria-labelledby").ShouldBe("Input_Body-voorbeeld-kop");
        editor.Find("#Input_Body-voorbeeld-kop").TextContent.ShouldBe("Voorbeeld");
        region.QuerySelector("#Input_Body-voorbeeld-inhoud strong")!.TextContent.ShouldBe("vet");
    }

    [Fact]
    public void With_a_live_endpoint_the_textarea_posts_the_form_debounced_into_the_preview_region()
    {
        var editor = RenderEditor(p => p.Add(c => c.PreviewEndpoint, "/kennis/nieuw?handler=VoorbeeldLive"));

        var textarea = editor.Find("textarea");
        textarea.GetAttribute("hx-post").ShouldBe("/kennis/nieuw?handler=VoorbeeldLive");
        textarea.GetAttribute("hx-trigger").ShouldBe("input changed delay:700ms");
        textarea.GetAttribute("hx-target").ShouldBe("#Input_Body-voorbeeld-inhoud");
        textarea.GetAttribute("hx-swap").ShouldBe("innerHTML");
        // Nothing to show yet: the region waits, hidden, for the first refresh.
        editor.Find("section.kh-preview").HasAttribute("hidden").ShouldBeTrue();
        editor.Find("#Input_Body-voorbeeld-inhoud").ChildElementCount.ShouldBe(0);
    }

    [Fact]
    public void Another_field_name_gives_its_own_ids_so_two_editors_can_share_a_page()
    {
        var editor = Render<MarkdownEditor>(p => p.Add(c => c.Name, "Reacties[2].Tekst").Add(c => c.Label, "Reactie")
            .Add(c => c.PreviewEndpoint, "/x").Add(c => c.Preview, new PreviewContent("<p>x</p>", Array.Empty<LinkedItem>())));

        editor.Find("textarea").Id.ShouldBe("Reacties_2__Tekst");
        editor.Find("[role=toolbar]").GetAttribute("aria-controls").ShouldBe("Reacties_2__Tekst");
        editor.Find("section.kh-preview").Id.ShouldBe("Reacties_2__Tekst-voorbeeld");
        MarkdownEditor.IdOf("Input.Keywords[0]").ShouldBe("Input_Keywords_0_");
    }
}
