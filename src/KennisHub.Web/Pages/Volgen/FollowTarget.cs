using KennisHub.Core.Articles;
using KennisHub.Core.Following;
using KennisHub.Core.Keywords;
using KennisHub.Core.Organisations;
using KennisHub.Core.Reading;
using KennisHub.Core.Themes;

namespace KennisHub.Web.Pages.Volgen;

/// <summary>Something a member may follow, found for this reader: its kind, id, title and the page it lives on.</summary>
public sealed record FollowTarget(FollowKind Kind, Guid Id, string Title, string PageUrl)
{
    /// <summary>The address segment of each kind, as in /volgen/{soort}/{slug} (the site's own section names).</summary>
    public static string SegmentOf(FollowKind kind) => kind switch
    {
        FollowKind.Article => "kennis",
        FollowKind.Theme => "themas",
        FollowKind.Organisation => "organisaties",
        FollowKind.Keyword => "trefwoorden",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string FollowUrl(FollowKind kind, string slug) => $"/volgen/{SegmentOf(kind)}/{Uri.EscapeDataString(slug)}";

    /// <summary>The page of an item that changed, as Mijn KennisHub links it.</summary>
    public static string PageUrlOf(FollowKind kind, string slug) => kind switch
    {
        FollowKind.Article => "/kennis/" + Uri.EscapeDataString(slug),
        FollowKind.Theme => "/themas/" + Uri.EscapeDataString(slug),
        FollowKind.Organisation => "/organisaties/" + Uri.EscapeDataString(slug),
        FollowKind.Keyword => "/kennis?trefwoord=" + Uri.EscapeDataString(slug),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>Finds a follow target through the Reader-filtered queries: what the reader may not see is not found.</summary>
public sealed class FollowTargets(ArticleQueries articles, ThemeQueries themes, OrganisationQueries organisations, KeywordQueries keywords)
{
    public async Task<FollowTarget?> FindAsync(Reader reader, string segment, string slug, CancellationToken cancellationToken)
    {
        switch (segment)
        {
            case "kennis":
                var article = await articles.FindBySlugAsync(reader, slug, cancellationToken);
                return article is null ? null : new FollowTarget(FollowKind.Article, article.Id, article.Title, FollowTarget.PageUrlOf(FollowKind.Article, article.Slug));
            case "themas":
                var theme = await themes.FindSummaryBySlugAsync(reader, slug, cancellationToken);
                return theme is null ? null : new FollowTarget(FollowKind.Theme, theme.Id, theme.Title, FollowTarget.PageUrlOf(FollowKind.Theme, theme.Slug));
            case "organisaties":
                var organisation = await organisations.FindBySlugAsync(slug, cancellationToken);
                return organisation is null ? null : new FollowTarget(FollowKind.Organisation, organisation.Id, organisation.Name, FollowTarget.PageUrlOf(FollowKind.Organisation, organisation.Slug));
            case "trefwoorden":
                var keyword = await keywords.FindBySlugAsync(slug, cancellationToken);
                return keyword is null ? null : new FollowTarget(FollowKind.Keyword, keyword.Id, keyword.Name, FollowTarget.PageUrlOf(FollowKind.Keyword, keyword.Slug));
            default:
                return null;
        }
    }
}
