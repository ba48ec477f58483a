using Dapper;
using KennisHub.Core.Following;
using KennisHub.Core.Identity;
using KennisHub.Core.Reading;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Following;

/// <summary>Following: what changed in what a member follows, as that member may see it, since their previous visit.</summary>
public abstract class FollowsTests(DatabaseFixture database) : DatabaseTest(database)
{
    private readonly MovableClock clock = new(new DateTimeOffset(2027, 3, 12, 9, 0, 0, TimeSpan.Zero));

    private Follows Follows => new(Db, clock);

    [Fact]
    public async Task Following_twice_or_unfollowing_what_one_does_not_follow_changes_nothing_and_each_change_is_logged()
    {
        var (member, reader) = await MemberAsync(RoleNames.NetworkMember);
        var article = await ArticleAsync("Public", clock.GetUtcNow());

        (await Follows.FollowAsync(member, FollowKind.Article, article.Id, article.Title, Ct)).ShouldBeTrue();
        (await Follows.FollowAsync(member, FollowKind.Article, article.Id, article.Title, Ct)).ShouldBeFalse();
        (await Follows.IsFollowingAsync(member.Id, FollowKind.Article, article.Id, Ct)).ShouldBeTrue();
        (await Follows.ListAsync(reader, Ct)).ShouldHaveSingleItem().Slug.ShouldBe(article.Slug);

        (await Follows.UnfollowAsync(member, FollowKind.Article, article.Id, article.Title, Ct)).ShouldBeTrue();
        (await Follows.UnfollowAsync(member, FollowKind.Article, article.Id, article.Title, Ct)).ShouldBeFalse();
        (await Follows.ListAsync(reader, Ct)).ShouldBeEmpty();

        await using var connection = await Db.OpenAsync(Ct);
        (await connection.QueryAsync<string>("SELECT Action FROM AuditLog WHERE SubjectId = @Id ORDER BY OccurredAt", new { article.Id }))
            .ShouldBe(["follow.added", "follow.removed"]);
    }

    [Fact]
    public async Task Changes_come_through_every_kind_of_follow_once_each_newest_first_and_never_what_the_reader_may_not_see()
    {
        var (member, reader) = await MemberAsync(RoleNames.NetworkMember);
        var since = clock.GetUtcNow();
        var old = await ArticleAsync("Public", since.AddDays(-1));
        var followedDirectly = await ArticleAsync("Public", since.AddHours(1));
        var inTheme = await ArticleAsync("Network", since.AddHours(2));
        var hiddenInTheme = await ArticleAsync("Atelier", since.AddHours(3));
        var ofOrganisation = await ArticleAsync("Public", since.AddHours(4));
        var withKeyword = await ArticleAsync("Public", since.AddHours(5));
        var theme = await ThemeAsync("Public", since.AddMinutes(30), inTheme.Id, hiddenInTheme.Id, followedDirectly.Id, old.Id);
        var organisation = await OrganisationAsync(since.AddDays(-2), ofOrganisation.Id);
        var keyword = await KeywordAsync(withKeyword.Id);

        await Follows.FollowAsync(member, FollowKind.Article, followedDirectly.Id, "a", Ct);
        await Follows.FollowAsync(member, FollowKind.Article, old.Id, "a", Ct);
        await Follows.FollowAsync(member, FollowKind.Theme, theme.Id, "t", Ct);
        await Follows.FollowAsync(member, FollowKind.Organisation, organisation.Id, "o", Ct);
        await Follows.FollowAsync(member, FollowKind.Keyword, keyword.Id, "k", Ct);

        var changes = await Follows.ChangesSinceAsync(reader, since, 50, Ct);
        changes.Select(c => (c.Kind, c.Slug, c.ViaKind)).ShouldBe([
            (FollowKind.Article, withKeyword.Slug, FollowKind.Keyword),
            (FollowKind.Article, ofOrganisation.Slug, FollowKind.Organisation),
            (FollowKind.Article, inTheme.Slug, FollowKind.Theme),
            (FollowKind.Article, followedDirectly.Slug, FollowKind.Article),
            (FollowKind.Theme, theme.Slug, FollowKind.Theme),
        ]);

        var atelier = reader with { Roles = new HashSet<string> { RoleNames.NetworkMember, RoleNames.AtelierMember } };
        (await Follows.ChangesSinceAsync(atelier, since, 50, Ct)).Select(c => c.Slug).ShouldContain(hiddenInTheme.Slug);
        (await Follows.ChangesSinceAsync(reader, since, 2, Ct)).Count.ShouldBe(2);
        (await Follows.ChangesSinceAsync(Reader.Visitor, since, 50, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_follow_of_a_theme_that_became_hidden_shows_nothing_of_it()
    {
        var (member, reader) = await MemberAsync(RoleNames.NetworkMember);
        var since = clock.GetUtcNow();
        var article = await ArticleAsync("Public", since.AddHours(1));
        var theme = await ThemeAsync("Atelier", since.AddHours(1), article.Id);
        await Follows.FollowAsync(member, FollowKind.Theme, theme.Id, "t", Ct);

        (await Follows.ChangesSinceAsync(reader, since, 50, Ct)).ShouldBeEmpty();
        (await Follows.ListAsync(reader, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_visit_counts_from_the_previous_one_a_reload_keeps_it_and_the_first_looks_back_thirty_days()
    {
        var (member, _) = await MemberAsync(RoleNames.NetworkMember);
        var first = clock.GetUtcNow();

        (await Follows.VisitAsync(member.Id, Ct)).ShouldBe(first - Follows.FirstVisitWindow);
        clock.Advance(TimeSpan.FromHours(3));
        (await Follows.VisitAsync(member.Id, Ct)).ShouldBe(first);
        clock.Advance(TimeSpan.FromMinutes(5));
        (await Follows.VisitAsync(member.Id, Ct)).ShouldBe(first, "a reload within the gap shows the same changes");
        var third = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromDays(1));
        (await Follows.VisitAsync(member.Id, Ct)).ShouldBe(third);
    }

    private sealed record Item(Guid Id, string Slug, string Title);

    private async Task<(Actor Member, Reader Reader)> MemberAsync(params string[] roles)
    {
        var id = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(
            "INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, ApprovalStatus, CreatedAt) VALUES (@Id, @Name, @Name, 'Anna de Vries', 'Approved', @Now)",
            new { Id = id, Name = "volger-" + id.ToString("N"), Now = clock.GetUtcNow() });
        return (new Actor(id, "Anna de Vries"), new Reader(id, roles.ToHashSet()));
    }

    private async Task<Item> ArticleAsync(string visibility, DateTimeOffset updatedAt)
    {
        var item = NewItem("artikel");
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(
            "INSERT INTO Articles (Id, Slug, Title, Summary, Visibility, CreatedAt, UpdatedAt) VALUES (@Id, @Slug, @Title, '', @Visibility, @At, @At)",
            new { item.Id, item.Slug, item.Title, Visibility = visibility, At = updatedAt });
        return item;
    }

    private async Task<Item> ThemeAsync(string visibility, DateTimeOffset updatedAt, params Guid[] articleIds)
    {
        var item = NewItem("thema");
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(
            "INSERT INTO Themes (Id, Slug, Title, Summary, Visibility, CreatedAt, UpdatedAt) VALUES (@Id, @Slug, @Title, '', @Visibility, @At, @At)",
            new { item.Id, item.Slug, item.Title, Visibility = visibility, At = updatedAt });
        foreach (var articleId in articleIds)
        {
            await connection.ExecuteAsync("INSERT INTO ArticleThemes (ArticleId, ThemeId) VALUES (@ArticleId, @ThemeId)", new { ArticleId = articleId, ThemeId = item.Id });
        }

        return item;
    }

    private async Task<Item> OrganisationAsync(DateTimeOffset updatedAt, params Guid[] articleIds)
    {
        var item = NewItem("organisatie");
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(
            "INSERT INTO Organisations (Id, Slug, Name, Kind, DescriptionMarkdown, DescriptionHtml, CreatedAt, UpdatedAt) VALUES (@Id, @Slug, @Title, 'Municipality', '', '', @At, @At)",
            new { item.Id, item.Slug, item.Title, At = updatedAt });
        foreach (var articleId in articleIds)
        {
            await connection.ExecuteAsync("UPDATE Articles SET OrganisationId = @OrganisationId WHERE Id = @ArticleId", new { OrganisationId = item.Id, ArticleId = articleId });
        }

        return item;
    }

    private async Task<Item> KeywordAsync(params Guid[] articleIds)
    {
        var item = NewItem("trefwoord");
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync("INSERT INTO Keywords (Id, Slug, Name) VALUES (@Id, @Slug, @Title)", new { item.Id, item.Slug, item.Title });
        foreach (var articleId in articleIds)
        {
            await connection.ExecuteAsync("INSERT INTO ArticleKeywords (ArticleId, KeywordId) VALUES (@ArticleId, @KeywordId)", new { ArticleId = articleId, KeywordId = item.Id });
        }

        return item;
    }

    private static Item NewItem(string kind)
    {
        var id = Guid.NewGuid();
        return new Item(id, $"{kind}-{id:N}", $"{kind} {id.ToString("N")[..6]}");
    }

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}

public sealed class FollowsTestsOnSqlite(SqliteFixture database) : FollowsTests(database), IClassFixture<SqliteFixture>;

public sealed class FollowsTestsOnSqlServer(SqlServerFixture database) : FollowsTests(database), IClassFixture<SqlServerFixture>;
