using KennisHub.Core.Data;
using KennisHub.Core.Revisions;
using KennisHub.Tests.Shared;
using KennisHub.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KennisHub.Web.Tests.Security;

/// <summary>The history branch's pages with the corpus: titles, change summaries and texts of revisions, and link texts.</summary>
public sealed partial class XssTests
{
    [Fact]
    public async Task History_revision_and_compare_pages_show_titles_and_change_summaries_full_of_attacks_as_text()
    {
        // A second revision of every attack article: the attack as title, change summary and text, with a link text.
        var db = factory.Services.GetRequiredService<Db>();
        await using (var connection = await db.OpenAsync(Ct))
        {
            for (var i = 0; i < AttackCorpus.All.Count; i++)
            {
                var id = await Dapper.SqlMapper.ExecuteScalarAsync<Guid>(connection, "SELECT Id FROM Articles WHERE Slug = @Slug", new { Slug = $"aanval-{i}" });
                var attack = AttackCorpus.All[i];
                var summary = attack.Length > RevisionStore.MaxChangeSummaryLength ? attack[..RevisionStore.MaxChangeSummaryLength] : attack;
                await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, id, attack, $"{attack}\n\n[[aanval-{i}|{attack.Replace("]", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)}]]", "", summary, null, Ct);
            }
        }

        using var visitor = SiteClient.Create(factory);
        var scripts = await SiteScriptsAsync(visitor);
        var failures = new List<string>();
        for (var i = 0; i < AttackCorpus.All.Count; i++)
        {
            var attack = Normalise(AttackCorpus.All[i]);
            var latest = await LatestAsync(db, i);
            foreach (var path in new[] { $"/kennis/aanval-{i}/geschiedenis", $"/kennis/aanval-{i}/geschiedenis/{latest}", $"/kennis/aanval-{i}/vergelijken?van=1&naar={latest}", $"/kennis/aanval-{i}/vergelijken?van=1&naar={latest}&weergave=naast" })
            {
                var page = await visitor.GetPageAsync(path);
                failures.AddRange(HtmlSafety.Problems(page.DocumentElement, scripts).Select(p => $"{path}: {p}"));
                if (!Normalise(page.QuerySelector("main")!.TextContent).Contains(attack, StringComparison.Ordinal))
                {
                    failures.Add($"{path}: toont '{attack}' niet als tekst");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    private static async Task<int> LatestAsync(Db db, int i)
    {
        await using var connection = await db.OpenAsync(Ct);
        return await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection,
            "SELECT MAX(r.Number) FROM Revisions r INNER JOIN Articles a ON a.Id = r.SubjectId WHERE r.SubjectKind = 'Article' AND a.Slug = @Slug", new { Slug = $"aanval-{i}" });
    }
}
