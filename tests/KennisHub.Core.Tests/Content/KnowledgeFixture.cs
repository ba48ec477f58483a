using KennisHub.Core.Content;
using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using KennisHub.Core.Markdown;
using KennisHub.Core.Reading;

namespace KennisHub.Core.Tests.Content;

/// <summary>Test data for the read side: the content fixture imported (idempotently), and the three kinds of reader.</summary>
public static class KnowledgeFixture
{
    public static readonly Reader Visitor = Reader.Visitor;

    public static Reader NetworkMember { get; } = new(Guid.NewGuid(), new HashSet<string> { RoleNames.NetworkMember });

    public static Reader AtelierMember { get; } = new(Guid.NewGuid(), new HashSet<string> { RoleNames.NetworkMember, RoleNames.AtelierMember });

    public static async Task ImportAsync(Db db, CancellationToken cancellationToken)
    {
        var summary = await new ContentImporter(db, new MarkdownRenderer()).ImportAsync(TestPaths.ContentFixture, null, cancellationToken);
        summary.Errors.ShouldBeEmpty();
    }
}
