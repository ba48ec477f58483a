using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace KennisHub.Browser.Tests.Infrastructure;

/// <summary>
/// Checks the page as it is now with axe-core against WCAG 2.0, 2.1 and 2.2, levels A and AA (EN 301 549 asks
/// 2.1 AA; we aim at 2.2 AA). Zero violations pass; otherwise the failure lists each rule, its help text and the
/// offending elements, so the fix can start from the test output.
/// </summary>
public static class AxeCheck
{
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static async Task ExpectNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
        });
        if (result.Violations.Length > 0)
        {
            Assert.Fail(Describe(page.Url, result.Violations));
        }
    }

    internal static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder().AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"axe vond toegankelijkheidsfouten op {url}:");
        foreach (var violation in violations)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help}  {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(check => check.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
                {
                    text.AppendLine("      " + message.ReplaceLineEndings(" "));
                }
            }
        }

        return text.ToString();
    }
}
