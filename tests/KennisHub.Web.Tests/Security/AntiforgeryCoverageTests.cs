using System.Reflection;
using KennisHub.Web.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Tests.Security;

public sealed class AntiforgeryCoverageTests
{
    /// <summary>The only pages allowed to skip the antiforgery check (by full type name), each with its reason.</summary>
    private static readonly Dictionary<string, string> Exempt = new()
    {
        [typeof(ErrorModel).FullName!] = "the status-code page re-executes refused posts to show their message; it changes nothing",
    };

    private static readonly string[] UnsafePrefixes = ["OnPost", "OnPut", "OnDelete", "OnPatch"];

    private static IEnumerable<Type> PageModels()
        => typeof(ErrorModel).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract);

    private static bool HasUnsafeHandler(Type page)
        => page.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Any(m => UnsafePrefixes.Any(prefix => m.Name.StartsWith(prefix, StringComparison.Ordinal)));

    private static bool OptsOut(Type page)
        => page.GetCustomAttributes<IgnoreAntiforgeryTokenAttribute>(inherit: true).Any()
            || page.GetMethods().Any(m => m.GetCustomAttributes<IgnoreAntiforgeryTokenAttribute>().Any());

    [Fact]
    public void No_page_with_a_post_put_or_delete_handler_opts_out_of_antiforgery_except_the_listed_ones()
    {
        var optingOut = PageModels().Where(HasUnsafeHandler).Where(OptsOut).ToList();

        optingOut.Where(t => !Exempt.ContainsKey(t.FullName!)).ShouldBeEmpty("Pagina's die antiforgery uitzetten: " + string.Join(", ", optingOut.Select(t => t.FullName)));
    }

    [Fact]
    public void The_exempt_list_holds_only_pages_that_really_opt_out()
    {
        // Keeps the list honest: a listed page that exists but no longer opts out must leave the list.
        var pages = PageModels().ToDictionary(t => t.FullName!);
        Exempt.Keys.Where(pages.ContainsKey).ShouldAllBe(name => OptsOut(pages[name]));
        Exempt.Keys.ShouldContain(typeof(ErrorModel).FullName!);
    }

    [Fact]
    public void The_scan_sees_the_page_handlers()
    {
        PageModels().ShouldContain(typeof(ErrorModel));
        HasUnsafeHandler(typeof(ErrorModel)).ShouldBeTrue();
    }
}
