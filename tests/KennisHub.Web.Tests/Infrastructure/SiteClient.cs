using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KennisHub.Web.Tests.Infrastructure;

/// <summary>
/// A browser-like client for page tests: keeps cookies, does not follow redirects (tests look at them), talks
/// https (the session cookie is Secure outside Development) and posts real forms with their antiforgery token.
/// </summary>
public sealed class SiteClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public static SiteClient Create<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory)
        where TEntryPoint : class
        => new(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
        }));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url, Ct);

    public async Task<IDocument> GetPageAsync(string url)
    {
        using var response = await http.GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
        => await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct), Ct);

    /// <summary>Opens <paramref name="url"/>, fills the first form in main (or the one <paramref name="formSelector"/> picks) and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IReadOnlyDictionary<string, string> fields, string? formSelector = null)
    {
        var page = await GetPageAsync(url);
        var form = (formSelector is null ? page.QuerySelector("main form") : page.QuerySelector(formSelector))
            ?? throw new InvalidOperationException($"Geen formulier op {url} ({formSelector}).");
        return await SubmitAsync(form, fields, url);
    }

    public async Task<HttpResponseMessage> SubmitAsync(IElement form, IReadOnlyDictionary<string, string> fields, string pageUrl)
    {
        var values = form.QuerySelectorAll("input[name]")
            .Where(input => input.GetAttribute("type") is not ("submit" or "button"))
            .GroupBy(input => input.GetAttribute("name")!)
            .ToDictionary(group => group.Key, group => group.First().GetAttribute("value") ?? "");
        foreach (var select in form.QuerySelectorAll("select[name]"))
        {
            values[select.GetAttribute("name")!] = select.QuerySelector("option")?.GetAttribute("value") ?? "";
        }

        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action");
        using var content = new FormUrlEncodedContent(values);
        return await http.PostAsync(string.IsNullOrEmpty(action) ? pageUrl : action, content, Ct);
    }

    /// <summary>Signs in through the page; returns the response (a redirect when it worked).</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password, string url = "/account/inloggen")
        => SubmitAsync(url, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public async Task SignInOrFailAsync(string email, string password)
    {
        using var response = await SignInAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"inloggen als {email}");
        response.Headers.Location!.OriginalString.ShouldNotContain("geblokkeerd");
    }

    public void Dispose() => http.Dispose();
}
