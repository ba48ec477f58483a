using KennisHub.Core.Content;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;
using KennisHub.Core.Themes;
using KennisHub.Web.Infrastructure.Authorization;
using KennisHub.Web.Pages.Shared.Editing;
using KennisHub.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace KennisHub.Web.Pages.Themas;

/// <summary>/themas/{slug}/herstellen/{nummer}: an old revision of the theme back as its newest.</summary>
public sealed class HerstellenModel(ThemeWrites writes, ContentEditing editing, RevisionStore revisions, MarkdownRenderer renderer,
    IAuthorizationService authorization, IStringLocalizer<EditingText> text) : RestorePageModel(revisions, renderer, authorization, text)
{
    private ThemeEdit? theme;

    protected override string SubjectKind => SubjectKinds.Theme;

    protected override string Policy => Policies.EditThisTheme;

    protected override string DetailsPath(string slug) => $"/themas/{slug}";

    protected override async Task<Guid?> FindAsync(CancellationToken cancellationToken)
        => (theme = await editing.FindThemeAsync(Reader, Slug, cancellationToken))?.Id;

    protected override Task<WriteResult> RestoreAsync(Revision revision, Writer writer, string changeSummary, CancellationToken cancellationToken)
        => writes.UpdateAsync(new UpdateTheme(theme!.Id, theme.Revision, theme.Fields with { Title = revision.Title, Summary = revision.Summary, Body = revision.Markdown },
            writer, changeSummary, ThemeWrites.RestoredAction), cancellationToken);
}
