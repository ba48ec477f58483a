using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace KennisHub.Core.Markdown;

/// <summary>
/// Table column alignment as a class instead of Markdig's <c>style="text-align: ..."</c>: the sanitizer strips every
/// style (and the Content-Security-Policy forbids inline styles), so the cells get <c>kh-align-left</c>,
/// <c>kh-align-center</c> or <c>kh-align-right</c>, which site.css aligns. The only classes the sanitizer allows on th/td.
/// </summary>
internal static class TableAlignment
{
    public static readonly IReadOnlySet<string> Classes = new HashSet<string>(StringComparer.Ordinal)
    {
        "kh-align-left", "kh-align-center", "kh-align-right",
    };

    public static void UseClasses(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>())
        {
            var columns = table.ColumnDefinitions;
            if (columns.Count == 0)
            {
                continue;
            }

            foreach (var row in table.OfType<TableRow>())
            {
                for (var i = 0; i < row.Count; i++)
                {
                    var cell = (TableCell)row[i];

                    // The same column choice Markdig's HtmlTableRenderer makes.
                    var index = cell.ColumnIndex < 0 || cell.ColumnIndex >= columns.Count ? i : cell.ColumnIndex;
                    index = Math.Min(index, columns.Count - 1);
                    if (ClassFor(columns[index].Alignment) is { } alignment)
                    {
                        cell.GetAttributes().AddClass(alignment);
                    }
                }
            }

            // Now the classes carry it, Markdig must not write the style too.
            foreach (var column in columns)
            {
                column.Alignment = null;
            }
        }
    }

    private static string? ClassFor(TableColumnAlign? alignment) => alignment switch
    {
        TableColumnAlign.Left => "kh-align-left",
        TableColumnAlign.Center => "kh-align-center",
        TableColumnAlign.Right => "kh-align-right",
        _ => null,
    };
}
