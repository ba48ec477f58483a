namespace KennisHub.Web.Pages.Feeds;

/// <summary>
/// The feed a page advertises with &lt;link rel="alternate"&gt; (set as ViewData["Feed"]); the layout advertises the open
/// feed of all articles when a page names none. Only open feeds are advertised: a page is cached per reader class and
/// never carries anything personal.
/// </summary>
public sealed record FeedLink(string Href, string Title)
{
    public const string ViewDataKey = "Feed";
}
