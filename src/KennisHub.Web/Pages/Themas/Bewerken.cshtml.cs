using KennisHub.Core.Content;
using KennisHub.Core.Revisions;
using KennisHub.Core.Themes;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Pages.Shared.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KennisHub.Web.Pages.Themas;

/// <summary>/themas/{slug}/bewerken: the theme's co-authors and Beheerders edit it (404 when not visible, 403 when not theirs).</summary>
public sealed class BewerkenModel(ThemeWrites writes, ContentEditing editing, EditorSupport support, IAuthorizationService authorization)
    : ThemeFormModel(editing, support)
{
    public override bool IsNew => false;

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public ThemeEdit Theme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input = ThemeInput.From(Theme);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return await SaveEditAsync(SubjectKinds.Theme, (body, baseRevision) => writes.UpdateAsync(new UpdateTheme(
            Theme.Id, baseRevision, Input.ToFields() with { Body = body }, EditorSupport.WriterOf(User), Input.ChangeSummary ?? string.Empty), cancellationToken), cancellationToken);
    }

    protected override async Task<IActionResult?> FindAsync(CancellationToken cancellationToken)
    {
        var theme = await Editing.FindThemeAsync(User.ToReader(), Slug, cancellationToken);
        if (theme is not null)
        {
            Theme = theme;
        }

        return await AuthorizeEditAsync(authorization, SubjectKinds.Theme, theme?.Id, Policies.EditThisTheme);
    }
}
