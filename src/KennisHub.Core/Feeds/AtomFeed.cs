using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using KennisHub.Core.Articles;

namespace KennisHub.Core.Feeds;

/// <summary>What a feed is about: its title, its id (never a secret), its own address and the page it mirrors (absolute URLs).</summary>
public sealed record FeedDescription(string Title, string Subtitle, string Id, Uri Self, Uri Page, string Language);

/// <summary>
/// Writes an Atom 1.0 feed of knowledge articles, newest change first, with the framework's syndication model
/// (System.ServiceModel.Syndication), so escaping, RFC 3339 dates and the required elements are its business, not
/// ours. An entry carries the title, the summary as plain text, the author's name as the article page shows it, the
/// last change and a link; never the body, whose internal links are resolved per reader on the page itself.
/// A personal feed's id does not carry its token, so the secret is never what identifies it.
/// </summary>
public static class AtomFeed
{
    public static byte[] Write(FeedDescription description, IReadOnlyList<ArticleSummary> articles, Uri siteBase, DateTimeOffset emptyFeedUpdated)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(siteBase);

        var feed = new SyndicationFeed(description.Title, description.Subtitle, description.Page)
        {
            Id = description.Id,
            Language = description.Language,
            LastUpdatedTime = articles.Count > 0 ? articles.Max(a => a.UpdatedAt) : emptyFeedUpdated,
            Generator = "KennisHub",
        };
        feed.Links.Add(new SyndicationLink(description.Self, "self", description.Title, "application/atom+xml", 0));
        feed.Authors.Add(new SyndicationPerson { Name = "KennisHub" });
        feed.Items = articles.Select(article => Entry(article, siteBase)).ToList();

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return stream.ToArray();
    }

    private static SyndicationItem Entry(ArticleSummary article, Uri siteBase)
    {
        var link = new Uri(siteBase, "/kennis/" + Uri.EscapeDataString(article.Slug));
        var item = new SyndicationItem
        {
            Id = "urn:uuid:" + article.Id.ToString("D"),
            Title = new TextSyndicationContent(Clean(article.Title)),
            Summary = new TextSyndicationContent(Clean(article.Summary)),
            LastUpdatedTime = article.UpdatedAt,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(link, "text/html"));
        item.Authors.Add(new SyndicationPerson { Name = Clean(article.AuthorName ?? article.OrganisationName ?? "KennisHub") });
        if (article.OrganisationName is not null)
        {
            item.Categories.Add(new SyndicationCategory(Clean(article.OrganisationName)));
        }

        return item;
    }

    /// <summary>
    /// XML 1.0 cannot carry most control characters or a lone surrogate, not even escaped: a title holding one would
    /// break the whole feed, so such characters are left out.
    /// </summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }

        return clean.ToString();
    }
}
