using KennisHub.Core.Articles;
using KennisHub.Core.Content;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Pages.Shared.Editing;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Kennis;

/// <summary>/kennis/{slug}/herstellen/{nummer}: an old revision of the article back as its newest.</summary>
public sealed class HerstellenModel(ArticleWrites writes, ContentEditing editing, RevisionStore revisions, MarkdownRenderer renderer,
    IAuthorizationService authorization, IStringLocalizer<EditingText> text) : RestorePageModel(revisions, renderer, authorization, text)
{
    private ArticleEdit? article;

    protected override string SubjectKind => SubjectKinds.Article;

    protected override string Policy => Policies.EditThisArticle;

    protected override string DetailsPath(string slug) => $"/kennis/{slug}";

    protected override async Task<Guid?> FindAsync(CancellationToken cancellationToken)
        => (article = await editing.FindArticleAsync(Reader, Slug, cancellationToken))?.Id;

    protected override Task<WriteResult> RestoreAsync(Revision revision, Writer writer, string changeSummary, CancellationToken cancellationToken)
        => writes.UpdateAsync(new UpdateArticle(article!.Id, article.Revision, article.Fields with { Title = revision.Title, Summary = revision.Summary, Body = revision.Markdown },
            writer, changeSummary, ArticleWrites.RestoredAction), cancellationToken);
}
