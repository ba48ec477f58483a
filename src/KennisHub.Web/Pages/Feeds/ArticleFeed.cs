using System.Globalization;
using KennisHub.Core.Articles;
using KennisHub.Core.Feeds;
using KennisHub.Core.Keywords;
using KennisHub.Core.Reading;
using KennisHub.Core.Themes;
using KennisHub.Web.Infrastructure.Security;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KennisHub.Web.Pages.Feeds;

/// <summary>
/// The Atom feed of new and changed knowledge articles for one reader, optionally of one theme (?thema=) and/or one
/// keyword (?trefwoord=), the same filters as /kennis. The open feed reads as a visitor, whoever asks; the personal
/// feed as the token's owner. The articles come from <see cref="ArticleQueries"/>, the Reader-filtered list, so a feed
/// never carries what its reader may not see; a theme the reader may not see is unknown (404), as on /kennis.
/// </summary>
public sealed class ArticleFeed(
    ArticleQueries articles,
    ThemeQueries themes,
    KeywordQueries keywords,
    TimeProvider time,
    IOptions<PublicAddressOptions> address,
    IStringLocalizer<FeedText> text)
{
    /// <summary>How many of the most recent changes a feed carries.</summary>
    public const int EntryCount = 50;

    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>The feed as bytes, or null when the theme or keyword is unknown to this reader.</summary>
    public async Task<byte[]?> WriteAsync(
        Reader reader, string? themeSlug, string? keywordSlug, HttpRequest request, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string title = text["Feed_Title"];
        string subtitle = text["Feed_Subtitle"];
        string? theme = null, keyword = null;
        if (!string.IsNullOrWhiteSpace(themeSlug))
        {
            var found = await themes.FindSummaryBySlugAsync(reader, themeSlug, cancellationToken);
            if (found is null)
            {
                return null;
            }

            theme = found.Slug;
            title = text["Feed_TitleTheme", found.Title];
        }

        if (!string.IsNullOrWhiteSpace(keywordSlug))
        {
            var found = await keywords.FindBySlugAsync(keywordSlug, cancellationToken);
            if (found is null)
            {
                return null;
            }

            keyword = found.Slug;
            title = theme is null ? text["Feed_TitleKeyword", found.Name] : text["Feed_TitleThemeKeyword", title, found.Name];
        }

        var query = FilterQuery(theme, keyword);
        var siteBase = new Uri(address.Value.BaseUrlFor(request) + "/");
        var page = await articles.ListAsync(reader, new ArticleFilter(theme, keyword), 1, EntryCount, cancellationToken);
        var pageUri = new Uri(siteBase, "/kennis" + query.ToUriComponent());
        var description = new FeedDescription(
            title,
            subtitle,
            (token is null ? "urn:kennishub:feed:open:" : "urn:kennishub:feed:persoonlijk:") + pageUri.PathAndQuery,
            new Uri(siteBase, (token is null ? "/feeds/kennis" : "/feeds/kennis/" + token) + query.ToUriComponent()),
            pageUri,
            CultureInfo.CurrentUICulture.Name);
        return AtomFeed.Write(description, page.Items, siteBase, time.GetUtcNow());
    }

    /// <summary>The address of the open feed that matches a /kennis list (for &lt;link rel="alternate"&gt;).</summary>
    public static string OpenFeedPath(string? themeSlug = null, string? keywordSlug = null)
        => "/feeds/kennis" + FilterQuery(themeSlug, keywordSlug).ToUriComponent();

    /// <summary>The /kennis filters as a query string, in one order, so a feed's address is the same wherever it is built.</summary>
    private static QueryString FilterQuery(string? themeSlug, string? keywordSlug)
    {
        var query = QueryString.Empty;
        if (!string.IsNullOrEmpty(themeSlug))
        {
            query = query.Add("thema", themeSlug);
        }

        if (!string.IsNullOrEmpty(keywordSlug))
        {
            query = query.Add("trefwoord", keywordSlug);
        }

        return query;
    }

    public static FileContentResult Result(byte[] feed) => new(feed, ContentType);
}
