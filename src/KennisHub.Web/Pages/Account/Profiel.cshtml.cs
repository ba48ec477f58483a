using KennisHub.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Account;

/// <summary>The signed-in person's own account: name, e-mail, approval and roles, links to the security pages.</summary>
public sealed class ProfielModel(UserManager<KennisHubUser> users) : PageModel
{
    private static readonly string[] KnownMessages = ["wachtwoord-gewijzigd", "tweestaps-uit"];

    public KennisHubUser Account { get; private set; } = new();

    public IList<string> Roles { get; private set; } = [];

    /// <summary>A status message after a change (only known codes, so the query string cannot inject text).</summary>
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? melding)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Account = user;
        Roles = await users.GetRolesAsync(user);
        Message = KnownMessages.Contains(melding) ? melding : null;
        return Page();
    }
}
