using KennisHub.Core.Content;
using KennisHub.Core.Themes;
using KennisHub.Web.Pages.Shared.Editing;
using Microsoft.AspNetCore.Mvc;

namespace KennisHub.Web.Pages.Themas;

/// <summary>/themas/nieuw: an atelier member or Beheerder starts a theme (policy ThemaAanmaken) and becomes its first co-author.</summary>
public sealed class NieuwModel(ThemeWrites writes, ContentEditing editing, EditorSupport support) : ThemeFormModel(editing, support)
{
    public override bool IsNew => true;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new ThemeInput { Id = Guid.NewGuid() };
        return ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Id == Guid.Empty)
        {
            Input.Id = Guid.NewGuid();
        }

        var result = await writes.CreateAsync(new CreateTheme(Input.Id, Input.ToFields(), EditorSupport.WriterOf(User), Input.ChangeSummary ?? string.Empty), cancellationToken);
        return await RespondAsync(result, cancellationToken);
    }

    protected override Task<IActionResult?> FindAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult?>(null);
}
