using KennisHub.Core.Articles;
using KennisHub.Core.Content;
using KennisHub.Web.Pages.Shared.Editing;
using Microsoft.AspNetCore.Mvc;

namespace KennisHub.Web.Pages.Kennis;

/// <summary>/kennis/nieuw: an approved member writes a knowledge article (policy KennisartikelSchrijven).</summary>
public sealed class NieuwModel(ArticleWrites writes, ContentEditing editing, EditorSupport support) : ArticleFormModel(editing, support)
{
    public override bool IsNew => true;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new ArticleInput { Id = Guid.NewGuid() };
        return ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Id == Guid.Empty)
        {
            Input.Id = Guid.NewGuid();
        }

        var result = await writes.CreateAsync(new CreateArticle(Input.Id, Input.ToFields(), EditorSupport.WriterOf(User), Input.ChangeSummary ?? string.Empty), cancellationToken);
        return await RespondAsync(result, cancellationToken);
    }

    protected override Task<IActionResult?> FindAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult?>(null);
}
