using Dapper;
using KennisHub.Core.Revisions;
using KennisHub.Core.Tests.Infrastructure;

namespace KennisHub.Core.Tests.Revisions;

public abstract class RevisionStoreTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Fact]
    public async Task Appending_numbers_revisions_one_two_three_per_subject()
    {
        var subject = Guid.NewGuid();
        var other = Guid.NewGuid();

        await using var connection = await Db.OpenAsync(Ct);
        var first = await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Titel", "Tekst 1", "Samenvatting", null, Ct);
        var second = await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Titel", "Tekst 2", "Samenvatting", null, Ct);
        var otherFirst = await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, other, "Ander", "Tekst", "", null, Ct);
        var themeFirst = await RevisionStore.AppendAsync(connection, null, SubjectKinds.Theme, subject, "Thema", "Tekst", "", null, Ct);
        var third = await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Titel 3", "Tekst 3", "Samenvatting", null, Ct);

        (first, second, third).ShouldBe((1, 2, 3));
        otherFirst.ShouldBe(1);
        themeFirst.ShouldBe(1);
    }

    [Fact]
    public async Task Revisions_list_newest_first_and_read_back_by_number()
    {
        var subject = Guid.NewGuid();
        await using (var connection = await Db.OpenAsync(Ct))
        {
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            await RevisionStore.AppendAsync(connection, transaction, SubjectKinds.Theme, subject, "Eerste", "# Een", "s1", null, Ct);
            await RevisionStore.AppendAsync(connection, transaction, SubjectKinds.Theme, subject, "Tweede", "# Twee", "s2", null, Ct);
            await transaction.CommitAsync(Ct);
        }

        var store = new RevisionStore(Db);
        var list = await store.ListAsync(SubjectKinds.Theme, subject, Ct);
        list.Select(r => r.Number).ShouldBe([2, 1]);
        list[0].Title.ShouldBe("Tweede");

        var first = await store.GetAsync(SubjectKinds.Theme, subject, 1, Ct);
        first.ShouldNotBeNull();
        first.Markdown.ShouldBe("# Een");
        first.Summary.ShouldBe("s1");
        first.SubjectId.ShouldBe(subject);
        (await store.GetAsync(SubjectKinds.Theme, subject, 3, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task A_rolled_back_append_leaves_no_revision()
    {
        var subject = Guid.NewGuid();
        await using (var connection = await Db.OpenAsync(Ct))
        {
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            await RevisionStore.AppendAsync(connection, transaction, SubjectKinds.Article, subject, "Weg", "x", "", null, Ct);
            await transaction.RollbackAsync(Ct);
        }

        (await new RevisionStore(Db).ListAsync(SubjectKinds.Article, subject, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_revisions_with_the_same_number_are_refused_by_the_database()
    {
        var subject = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Een", "x", "", null, Ct);

        const string Sql = """
            INSERT INTO Revisions (Id, SubjectKind, SubjectId, Number, Title, Markdown, Summary, AuthorId, CreatedAt)
            VALUES (@Id, @SubjectKind, @SubjectId, 1, 'Dubbel', 'x', '', NULL, @CreatedAt)
            """;
        await Should.ThrowAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(Sql,
            new { Id = Guid.NewGuid(), SubjectKind = SubjectKinds.Article, SubjectId = subject, CreatedAt = DateTimeOffset.UtcNow }));
    }
}

public sealed class RevisionStoreTestsOnSqlite(SqliteFixture database) : RevisionStoreTests(database), IClassFixture<SqliteFixture>;

public sealed class RevisionStoreTestsOnSqlServer(SqlServerFixture database) : RevisionStoreTests(database), IClassFixture<SqlServerFixture>;
