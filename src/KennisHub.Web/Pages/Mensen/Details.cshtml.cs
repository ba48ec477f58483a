using KennisHub.Core.Network;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KennisHub.Web.Pages.Mensen;

/// <summary>
/// /mensen/{slug}: a person's profile, for signed-in network members only (the folder's policy): their organisations and
/// functions, the themes they co-author and the articles they wrote, as far as the reader may see them.
/// </summary>
public sealed class DetailsModel(People people) : PageModel
{
    public PersonProfile Person { get; private set; } = null!;

    public bool IsOwn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await people.FindBySlugAsync(User.ToReader(), slug, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        IsOwn = User.GetUserId() == person.UserId;
        return Page();
    }
}
