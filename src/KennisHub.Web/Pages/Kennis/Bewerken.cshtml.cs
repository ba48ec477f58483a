using KennisHub.Core.Articles;
using KennisHub.Core.Content;
using KennisHub.Core.Revisions;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Infrastructure;
using KennisHub.Web.Pages.Shared.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KennisHub.Web.Pages.Kennis;

/// <summary>
/// /kennis/{slug}/bewerken: the article's co-authors and Beheerders edit it. Not visible to this reader: 404; visible
/// but not theirs to edit: 403. A save from an older revision merges, or comes back with the conflict to resolve.
/// </summary>
public sealed class BewerkenModel(ArticleWrites writes, ContentEditing editing, EditorSupport support, IAuthorizationService authorization)
    : ArticleFormModel(editing, support)
{
    public override bool IsNew => false;

    /// <summary>The slug in the address (the item's current one).</summary>
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public ArticleEdit Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input = ArticleInput.From(Article);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return await SaveEditAsync(SubjectKinds.Article, (body, baseRevision) => writes.UpdateAsync(new UpdateArticle(
            Article.Id, baseRevision, Input.ToFields() with { Body = body }, EditorSupport.WriterOf(User), Input.ChangeSummary ?? string.Empty), cancellationToken), cancellationToken);
    }

    protected override async Task<IActionResult?> FindAsync(CancellationToken cancellationToken)
    {
        var article = await Editing.FindArticleAsync(User.ToReader(), Slug, cancellationToken);
        if (article is not null)
        {
            Article = article;
        }

        return await AuthorizeEditAsync(authorization, SubjectKinds.Article, article?.Id, Policies.EditThisArticle);
    }
}
