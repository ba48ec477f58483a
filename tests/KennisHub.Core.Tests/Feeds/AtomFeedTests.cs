using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using KennisHub.Core.Articles;
using KennisHub.Core.Feeds;
using KennisHub.Core.Reading;
using KennisHub.Tests.Shared;

namespace KennisHub.Core.Tests.Feeds;

public sealed class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly Uri Site = new("https://kennishub.example/");

    private static FeedDescription Description => new(
        "KennisHub: nieuwe en gewijzigde kennisartikelen", "Laatste wijziging eerst", "urn:kennishub:feed:open:/kennis",
        new Uri(Site, "/feeds/kennis"), new Uri(Site, "/kennis"), "nl-NL");

    private static ArticleSummary Article(string title, string summary = "Samenvatting", DateTimeOffset? updated = null) => new()
    {
        Id = Guid.NewGuid(),
        Slug = "wijkgericht-beheer-in-kampen",
        Title = title,
        Summary = summary,
        Visibility = Visibility.Public,
        AuthorName = "Gemeente Kampen",
        OrganisationName = "Gemeente Kampen",
        UpdatedAt = updated ?? new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero),
    };

    [Fact]
    public void The_feed_carries_the_atom_elements_a_reader_needs_newest_change_as_the_feeds_update()
    {
        var newest = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var bytes = AtomFeed.Write(Description, [Article("Nieuw", updated: newest), Article("Ouder")], Site, DateTimeOffset.UnixEpoch);

        var document = XDocument.Load(new MemoryStream(bytes));
        var feed = document.Root!;
        feed.Name.ShouldBe(Atom + "feed");
        feed.Element(Atom + "id")!.Value.ShouldBe("urn:kennishub:feed:open:/kennis");
        feed.Element(Atom + "title")!.Value.ShouldBe("KennisHub: nieuwe en gewijzigde kennisartikelen");
        DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(newest);
        feed.Elements(Atom + "link").ShouldContain(l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == "https://kennishub.example/feeds/kennis");
        var entries = feed.Elements(Atom + "entry").ToList();
        entries.Count.ShouldBe(2);
        foreach (var entry in entries)
        {
            entry.Element(Atom + "id")!.Value.ShouldStartWith("urn:uuid:");
            entry.Element(Atom + "updated").ShouldNotBeNull();
            entry.Element(Atom + "author")!.Element(Atom + "name")!.Value.ShouldBe("Gemeente Kampen");
            entry.Elements(Atom + "link").ShouldContain(l => (string?)l.Attribute("href") == "https://kennishub.example/kennis/wijkgericht-beheer-in-kampen");
            entry.Element(Atom + "content").ShouldBeNull("the body is never in a feed: its links are resolved per reader");
        }

        // The framework reads back what it wrote: a well-formed Atom 1.0 document.
        var read = SyndicationFeed.Load(XmlReader.Create(new MemoryStream(bytes)));
        read.Items.Select(i => i.Title.Text).ShouldBe(["Nieuw", "Ouder"]);
    }

    [Fact]
    public void An_empty_feed_is_still_valid_and_dated()
    {
        var bytes = AtomFeed.Write(Description, [], Site, new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var read = SyndicationFeed.Load(XmlReader.Create(new MemoryStream(bytes)));
        read.Items.ShouldBeEmpty();
        read.LastUpdatedTime.ShouldBe(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Hostile_titles_and_summaries_stay_text_and_never_break_the_document()
    {
        var hostile = AttackCorpus.Markdown.Concat(AttackCorpus.PlainText)
            .Concat(["nul\0teken", "bel\u0007", "losse \uD800 surrogaat", "emoji 🌳 blijft", "]]> einde CDATA"]).ToList();
        var bytes = AtomFeed.Write(Description, hostile.Select(t => Article(t, t)).ToList(), Site, DateTimeOffset.UnixEpoch);

        var document = XDocument.Load(new MemoryStream(bytes));
        document.Descendants().ShouldAllBe(e => e.Name.Namespace == Atom, "no element of another vocabulary (no <script>) got in");
        var titles = document.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!).ToList();
        titles.ShouldAllBe(t => (string?)t.Attribute("type") == null || (string?)t.Attribute("type") == "text");
        titles.Select(t => t.Value).ShouldContain("<script>alert(1)</script>");
        titles.Select(t => t.Value).ShouldContain("emoji 🌳 blijft");
        titles.Select(t => t.Value).ShouldContain("nulteken");
    }
}
