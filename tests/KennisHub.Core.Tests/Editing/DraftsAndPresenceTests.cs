using Dapper;
using KennisHub.Core.Articles;
using KennisHub.Core.Content;
using KennisHub.Core.Editing;
using KennisHub.Core.Markdown;
using KennisHub.Core.Revisions;
using KennisHub.Core.Security;
using KennisHub.Core.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace KennisHub.Core.Tests.Editing;

public abstract class DraftsAndPresenceTests(DatabaseFixture database) : DatabaseTest(database)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 2, 9, 42, 0, TimeSpan.Zero));

    private async Task<Guid> AddUserAsync(string name)
    {
        var id = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(
            "INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, ApprovalStatus, CreatedAt) VALUES (@Id, @Name, @Name, @DisplayName, 'Approved', @Now)",
            new { Id = id, Name = "u" + id.ToString("N"), DisplayName = name, Now = DateTimeOffset.UtcNow });
        return id;
    }

    [Fact]
    public async Task A_draft_is_kept_per_person_and_item_replaced_by_the_next_and_only_ever_the_persons_own()
    {
        var drafts = new Drafts(Db, time);
        var anna = await AddUserAsync("Anna de Vries");
        var bram = await AddUserAsync("Bram Jansen");
        var item = Guid.NewGuid();

        (await drafts.SaveAsync(anna, SubjectKinds.Article, item, "Eerste", 3, "{\"Body\":\"een\"}", Ct)).ShouldBe(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(10));
        await drafts.SaveAsync(anna, SubjectKinds.Article, item, "Tweede", 3, "{\"Body\":\"twee\"}", Ct);
        await drafts.SaveAsync(anna, SubjectKinds.Article, Drafts.NewItem, "Nieuw", 0, "{}", Ct);

        var kept = (await drafts.FindAsync(anna, SubjectKinds.Article, item, Ct))!;
        (kept.Title, kept.BaseRevision, kept.Content, kept.SavedAt).ShouldBe(("Tweede", 3, "{\"Body\":\"twee\"}", time.GetUtcNow()));
        (await drafts.FindAsync(bram, SubjectKinds.Article, item, Ct)).ShouldBeNull();
        (await drafts.FindAsync(anna, SubjectKinds.Theme, item, Ct)).ShouldBeNull();
        (await drafts.ListAsync(anna, Ct)).Select(d => d.Title).ShouldBe(["Tweede", "Nieuw"], ignoreOrder: true);
        (await drafts.DeleteAsync(bram, SubjectKinds.Article, item, Ct)).ShouldBeFalse();
        (await drafts.DeleteAsync(anna, SubjectKinds.Article, item, Ct)).ShouldBeTrue();
        (await drafts.FindAsync(anna, SubjectKinds.Article, item, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task A_published_save_clears_the_writers_draft_in_its_transaction_and_a_conflict_keeps_it()
    {
        var drafts = new Drafts(Db, time);
        var writes = new ArticleWrites(Db, new MarkdownRenderer());
        var anna = await AddUserAsync("Anna de Vries");
        var bram = await AddUserAsync("Bram Jansen");
        var writer = new Writer(anna, "Anna de Vries");
        await drafts.SaveAsync(anna, SubjectKinds.Article, Drafts.NewItem, "Concept", 0, "{}", Ct);
        var id = Guid.NewGuid();
        var fields = new ArticleFields { Title = "Concepten", Slug = "concepten-" + id.ToString("N")[..8], Body = "Een.\n\nTwee.\n", Visibility = "Public" };

        (await writes.CreateAsync(new CreateArticle(id, fields, writer), Ct)).ShouldBeOfType<Saved>();
        (await drafts.FindAsync(anna, SubjectKinds.Article, Drafts.NewItem, Ct)).ShouldBeNull();

        await drafts.SaveAsync(anna, SubjectKinds.Article, id, "Bewerking", 1, "{}", Ct);
        await drafts.SaveAsync(bram, SubjectKinds.Article, id, "Van Bram", 1, "{}", Ct);
        (await writes.UpdateAsync(new UpdateArticle(id, 1, fields with { Body = "Een!\n\nTwee.\n" }, new Writer(bram, "Bram Jansen")), Ct)).ShouldBeOfType<Saved>();
        (await writes.UpdateAsync(new UpdateArticle(id, 1, fields with { Body = "Een?\n\nTwee.\n" }, writer), Ct)).ShouldBeOfType<Conflict>();
        (await drafts.FindAsync(anna, SubjectKinds.Article, id, Ct)).ShouldNotBeNull();   // nothing saved: the kept edit stays
        (await drafts.FindAsync(bram, SubjectKinds.Article, id, Ct)).ShouldBeNull();      // Bram's save cleared Bram's draft only
        (await writes.UpdateAsync(new UpdateArticle(id, 2, fields with { Body = "Een?\n\nTwee.\n" }, writer), Ct)).ShouldBeOfType<Saved>();
        (await drafts.FindAsync(anna, SubjectKinds.Article, id, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Presence_names_the_others_since_their_stretch_began_and_forgets_them_a_minute_after_their_last_heartbeat()
    {
        var presence = new Presence(Db, time);
        var anna = await AddUserAsync("Anna de Vries");
        var bram = await AddUserAsync("Bram Jansen");
        var item = Guid.NewGuid();
        var started = time.GetUtcNow();

        (await presence.HeartbeatAsync(SubjectKinds.Theme, item, anna, Ct)).ShouldBeEmpty();
        time.Advance(TimeSpan.FromSeconds(20));
        var seenByBram = await presence.HeartbeatAsync(SubjectKinds.Theme, item, bram, Ct);
        seenByBram.Select(p => (p.DisplayName, p.StartedAt)).ShouldBe([("Anna de Vries", started)]);
        (await presence.OthersAsync(SubjectKinds.Theme, Guid.NewGuid(), bram, Ct)).ShouldBeEmpty();

        time.Advance(TimeSpan.FromSeconds(20));
        await presence.HeartbeatAsync(SubjectKinds.Theme, item, anna, Ct);   // still the same stretch
        time.Advance(Presence.Expiry);
        (await presence.OthersAsync(SubjectKinds.Theme, item, bram, Ct)).Select(p => p.DisplayName).ShouldBe(["Anna de Vries"]);
        time.Advance(TimeSpan.FromSeconds(1));
        (await presence.OthersAsync(SubjectKinds.Theme, item, bram, Ct)).ShouldBeEmpty();

        var back = time.GetUtcNow();
        await presence.HeartbeatAsync(SubjectKinds.Theme, item, anna, Ct);   // after the gap: a new stretch
        (await presence.OthersAsync(SubjectKinds.Theme, item, bram, Ct)).Single().StartedAt.ShouldBe(back);
    }

    [Fact]
    public async Task Drafts_and_uploads_are_in_the_AVG_export_and_drafts_and_presence_go_with_the_account()
    {
        var anna = await AddUserAsync("Anna de Vries");
        await new Drafts(Db, time).SaveAsync(anna, SubjectKinds.Theme, Drafts.NewItem, "Mijn concept", 0, "{\"Body\":\"geheim plan\"}", Ct);
        await new Presence(Db, time).HeartbeatAsync(SubjectKinds.Theme, Guid.NewGuid(), anna, Ct);
        var articleId = Guid.NewGuid();
        await using (var connection = await Db.OpenAsync(Ct))
        {
            await connection.ExecuteAsync("""
                INSERT INTO Articles (Id, Slug, Title, Summary, Visibility, CreatedAt, UpdatedAt) VALUES (@Id, @Slug, 'Met bijlage', 's', 'Public', @Now, @Now);
                INSERT INTO Attachments (Id, SubjectKind, SubjectId, FileName, ContentType, IsImage, Size, Content, UploadedById, CreatedAt)
                VALUES (@AttachmentId, 'Article', @Id, 'kaart.png', 'image/png', 1, 3, @Content, @UserId, @Now);
                """, new { Id = articleId, Slug = "bijlage-" + articleId.ToString("N")[..8], AttachmentId = Guid.NewGuid(), Content = new byte[] { 1, 2, 3 }, UserId = anna, Now = DateTimeOffset.UtcNow });
        }

        var data = new PersonalData(Db);
        var export = (await data.ExportAsync(anna, Ct))!;
        export.Drafts.Single().ShouldSatisfyAllConditions(d => d.Title.ShouldBe("Mijn concept"), d => d.Content.ShouldContain("geheim plan"), d => d.Kind.ShouldBe("Theme"));
        export.Attachments.Single().ShouldSatisfyAllConditions(a => a.FileName.ShouldBe("kaart.png"), a => a.Item.ShouldBe("Met bijlage"), a => a.Size.ShouldBe(3));

        (await data.EraseAsync(anna, Ct)).ShouldBeTrue();
        await using var check = await Db.OpenAsync(Ct);
        (await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Drafts WHERE UserId = @Id", new { Id = anna })).ShouldBe(0);
        (await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM EditorPresence WHERE UserId = @Id", new { Id = anna })).ShouldBe(0);
    }
}

public sealed class DraftsAndPresenceTestsOnSqlite(SqliteFixture database) : DraftsAndPresenceTests(database), IClassFixture<SqliteFixture>;

public sealed class DraftsAndPresenceTestsOnSqlServer(SqlServerFixture database) : DraftsAndPresenceTests(database), IClassFixture<SqlServerFixture>;
