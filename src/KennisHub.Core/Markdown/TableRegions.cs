using AngleSharp.Dom;

namespace KennisHub.Core.Markdown;

/// <summary>
/// Reflow (WCAG 1.4.10): a table wider than a phone must scroll inside its own box, never widen the page. After
/// sanitizing, every table is wrapped in <c>&lt;div class="kh-table-scroll" role="region" tabindex="0"
/// aria-label="..."&gt;</c>: focusable so a keyboard user can scroll it, and named after the table (its caption, else
/// "Tabel: " and its column headers) so a screen reader says which table the region holds. The article text is
/// Dutch, so the label is too.
/// </summary>
internal static class TableRegions
{
    public const string ScrollClass = "kh-table-scroll";

    private const int MaxLabelLength = 120;

    public static void Wrap(IDocument document)
    {
        foreach (var table in document.QuerySelectorAll("table").ToList())
        {
            if (table.ParentElement is { } parent && parent.ClassList.Contains(ScrollClass))
            {
                continue;
            }

            var region = document.CreateElement("div");
            region.ClassList.Add(ScrollClass);
            region.SetAttribute("role", "region");
            region.SetAttribute("tabindex", "0");
            region.SetAttribute("aria-label", LabelFor(table));
            table.Parent!.ReplaceChild(region, table);
            region.AppendChild(table);
        }
    }

    private static string LabelFor(IElement table)
    {
        var caption = table.QuerySelector("caption")?.TextContent.Trim();
        var label = !string.IsNullOrEmpty(caption)
            ? caption
            : "Tabel: " + string.Join(", ", table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).Where(text => text.Length > 0));
        label = label.TrimEnd(':', ' ');
        return label.Length <= MaxLabelLength ? label : label[..(MaxLabelLength - 1)].TrimEnd() + "…";
    }
}
