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
        var first = await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Titel", "Tekst 1", "Samenvatting", "", null, Ct);
        var second = await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Titel", "Tekst 2", "Samenvatting", "", null, Ct);
        var otherFirst = await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, other, "Ander", "Tekst", "", "", null, Ct);
        var themeFirst = await RevisionStore.AppendAsync(connection, null, SubjectKinds.Theme, subject, "Thema", "Tekst", "", "", null, Ct);
        var third = await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Titel 3", "Tekst 3", "Samenvatting", "", null, Ct);

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
            await RevisionStore.AppendAsync(connection, transaction, SubjectKinds.Theme, subject, "Eerste", "# Een", "s1", "", null, Ct);
            await RevisionStore.AppendAsync(connection, transaction, SubjectKinds.Theme, subject, "Tweede", "# Twee", "s2", "", null, Ct);
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
            await RevisionStore.AppendAsync(connection, transaction, SubjectKinds.Article, subject, "Weg", "x", "", "", null, Ct);
            await transaction.RollbackAsync(Ct);
        }

        (await new RevisionStore(Db).ListAsync(SubjectKinds.Article, subject, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_revisions_with_the_same_number_are_refused_by_the_database()
    {
        var subject = Guid.NewGuid();
        await using var connection = await Db.OpenAsync(Ct);
        await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Een", "x", "", "", null, Ct);

        const string Sql = """
            INSERT INTO Revisions (Id, SubjectKind, SubjectId, Number, Title, Markdown, Summary, AuthorId, CreatedAt)
            VALUES (@Id, @SubjectKind, @SubjectId, 1, 'Dubbel', 'x', '', NULL, @CreatedAt)
            """;
        await Should.ThrowAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(Sql,
            new { Id = Guid.NewGuid(), SubjectKind = SubjectKinds.Article, SubjectId = subject, CreatedAt = DateTimeOffset.UtcNow }));
    }

    [Fact]
    public async Task A_revision_stores_its_fingerprint_length_size_change_and_change_summary()
    {
        var subject = Guid.NewGuid();
        await using (var connection = await Db.OpenAsync(Ct))
        {
            await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Titel", "Tien tekens", "Samenvatting", "Eerste versie", null, Ct);
            await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Titel", "Vier\r\n", "Samenvatting", "Ingekort", null, Ct);
            await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Titel", "Vier en één", "Samenvatting", string.Empty, null, Ct);
        }

        var store = new RevisionStore(Db);
        var first = (await store.GetAsync(SubjectKinds.Article, subject, 1, Ct)).ShouldNotBeNull();
        first.Fingerprint.ShouldBe(RevisionFingerprint.Compute("Tien tekens"));
        (first.Length, first.LengthChange, first.ChangeSummary, first.Summary).ShouldBe((11, 11, "Eerste versie", "Samenvatting"));
        var second = (await store.GetAsync(SubjectKinds.Article, subject, 2, Ct)).ShouldNotBeNull();
        (second.Length, second.LengthChange).ShouldBe((4, -7));
        second.Fingerprint.ShouldBe(RevisionFingerprint.Compute("Vier"), "line endings and trailing line breaks are not part of the fingerprint");
        second.Markdown.ShouldBe("Vier\r\n", "the text is kept exactly as saved");
        var third = (await store.GetAsync(SubjectKinds.Article, subject, 3, Ct)).ShouldNotBeNull();
        (third.Length, third.LengthChange, third.ChangeSummary).ShouldBe((11, 7, string.Empty));
    }

    [Fact]
    public async Task A_change_summary_longer_than_the_column_is_refused_before_the_database()
    {
        await using var connection = await Db.OpenAsync(Ct);

        await Should.ThrowAsync<ArgumentException>(() => RevisionStore.AppendAsync(
            connection, null, SubjectKinds.Article, Guid.NewGuid(), "T", "x", "", new string('a', RevisionStore.MaxChangeSummaryLength + 1), null, Ct));
    }

    [Fact]
    public async Task The_history_pages_newest_first_without_texts_and_knows_when_an_older_page_exists()
    {
        var subject = Guid.NewGuid();
        var author = await AddUserAsync("Anna de Vries");
        await using (var connection = await Db.OpenAsync(Ct))
        {
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            for (var i = 1; i <= 25; i++)
            {
                await RevisionStore.AppendAsync(connection, transaction, SubjectKinds.Theme, subject, $"Titel {i}", new string('x', i), "", $"Wijziging {i}", i % 2 == 0 ? author : null, Ct);
            }

            await transaction.CommitAsync(Ct);
        }

        var store = new RevisionStore(Db);
        var first = await store.HistoryAsync(SubjectKinds.Theme, subject, page: 1, pageSize: 10, Ct);
        first.Items.Select(r => r.Number).ShouldBe(Enumerable.Range(16, 10).Reverse());
        (first.HasNext, RevisionStore.PageCount(25, 10)).ShouldBe((true, 3));
        first.Items[0].ShouldSatisfyAllConditions(
            r => r.Title.ShouldBe("Titel 25"),
            r => r.ChangeSummary.ShouldBe("Wijziging 25"),
            r => r.AuthorName.ShouldBeNull(),
            r => r.Length.ShouldBe(25),
            r => r.LengthChange.ShouldBe(1),
            r => r.Fingerprint.ShouldBe(RevisionFingerprint.Compute(new string('x', 25))));
        first.Items[1].AuthorName.ShouldBe("Anna de Vries");

        var last = await store.HistoryAsync(SubjectKinds.Theme, subject, page: 3, pageSize: 10, Ct);
        last.Items.Select(r => r.Number).ShouldBe([5, 4, 3, 2, 1]);
        last.HasNext.ShouldBeFalse();

        (await store.HistoryAsync(SubjectKinds.Theme, subject, page: 4, pageSize: 10, Ct)).Items.ShouldBeEmpty();
        (await store.HistoryAsync(SubjectKinds.Theme, subject, page: int.MaxValue, pageSize: int.MaxValue, Ct)).Items.ShouldBeEmpty();
        var none = await store.HistoryAsync(SubjectKinds.Theme, Guid.NewGuid(), page: 1, pageSize: 10, Ct);
        (none.Items.Count, none.HasNext, RevisionStore.PageCount(0, 10)).ShouldBe((0, false, 1));
        typeof(RevisionListItem).GetProperty("Markdown").ShouldBeNull("a history line carries no text");
    }

    [Fact]
    public async Task Two_revisions_for_comparison_come_older_first_in_either_order()
    {
        var subject = Guid.NewGuid();
        await using (var connection = await Db.OpenAsync(Ct))
        {
            await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Een", "Eerste tekst", "", "", null, Ct);
            await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Twee", "Tweede tekst", "", "", null, Ct);
            await RevisionStore.AppendAsync(connection, null, SubjectKinds.Article, subject, "Drie", "Derde tekst", "", "", null, Ct);
        }

        var store = new RevisionStore(Db);
        var pair = (await store.GetPairAsync(SubjectKinds.Article, subject, 3, 1, Ct)).ShouldNotBeNull();
        (pair.Older.Markdown, pair.Newer.Markdown).ShouldBe(("Eerste tekst", "Derde tekst"));
        var same = (await store.GetPairAsync(SubjectKinds.Article, subject, 2, 2, Ct)).ShouldNotBeNull();
        (same.Older.Number, same.Newer.Number).ShouldBe((2, 2));
        (await store.GetPairAsync(SubjectKinds.Article, subject, 1, 4, Ct)).ShouldBeNull();
        (await store.GetPairAsync(SubjectKinds.Theme, subject, 1, 2, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Revisions_written_before_migration_0006_get_their_fingerprints_from_the_backfill()
    {
        var subject = Guid.NewGuid();
        const string OldRowSql = """
            INSERT INTO Revisions (Id, SubjectKind, SubjectId, Number, Title, Markdown, Summary, AuthorId, CreatedAt)
            VALUES (@Id, @SubjectKind, @SubjectId, @Number, 'Oud', @Markdown, '', NULL, @CreatedAt)
            """;
        await using (var connection = await Db.OpenAsync(Ct))
        {
            foreach (var (number, markdown) in new[] { (1, "Een tekst"), (2, "Een langere tekst\r\n"), (3, "Kort") })
            {
                await connection.ExecuteAsync(OldRowSql, new
                {
                    Id = Guid.NewGuid(), SubjectKind = SubjectKinds.Article, SubjectId = subject, Number = number, Markdown = markdown, CreatedAt = DateTimeOffset.UtcNow,
                });
            }
        }

        (await RevisionBackfill.RunAsync(Db, Ct)).ShouldBeGreaterThanOrEqualTo(3);
        (await RevisionBackfill.RunAsync(Db, Ct)).ShouldBe(0);

        var history = await new RevisionStore(Db).HistoryAsync(SubjectKinds.Article, subject, 1, 10, Ct);
        history.Items.Select(r => (r.Number, r.Length, r.LengthChange)).ShouldBe([(3, 4, -13), (2, 17, 8), (1, 9, 9)]);
        history.Items[1].Fingerprint.ShouldBe(RevisionFingerprint.Compute("Een langere tekst"));
        history.Items.ShouldAllBe(r => r.ChangeSummary == string.Empty);
    }

    private async Task<Guid> AddUserAsync(string displayName)
    {
        const string Sql = """
            INSERT INTO Users (Id, UserName, NormalizedUserName, DisplayName, CreatedAt)
            VALUES (@Id, @UserName, @NormalizedUserName, @DisplayName, @CreatedAt)
            """;
        var id = Guid.NewGuid();
        var name = $"auteur-{id:N}@example.org";
        await using var connection = await Db.OpenAsync(Ct);
        await connection.ExecuteAsync(Sql, new { Id = id, UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = displayName, CreatedAt = DateTimeOffset.UtcNow });
        return id;
    }
}

public sealed class RevisionHistoryPlanOnSqlite(SqliteFixture database) : DatabaseTest(database), IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task A_history_page_is_an_index_seek_on_subject_and_number_not_a_scan_or_a_sort()
    {
        const string Sql = """
            EXPLAIN QUERY PLAN
            SELECT r.Number, r.Title, r.ChangeSummary, r.AuthorId, u.DisplayName AS AuthorName, r.CreatedAt, r.Fingerprint, r.Length, r.LengthChange
            FROM Revisions r
            LEFT JOIN Users u ON u.Id = r.AuthorId
            WHERE r.SubjectKind = @SubjectKind AND r.SubjectId = @SubjectId AND r.Number <= @Top AND r.Number >= @Bottom
            ORDER BY r.Number DESC
            """;
        await using var connection = await Db.OpenAsync(Ct);
        var plan = string.Join("\n", (await connection.QueryAsync<(long, long, long, string)>(Sql, new { SubjectKind = "Article", SubjectId = Guid.NewGuid(), Top = 1000, Bottom = 950 })).Select(r => r.Item4));

        plan.ShouldContain("USING INDEX UX_Revisions_Subject_Number (SubjectKind=? AND SubjectId=? AND Number>? AND Number<?)", Case.Insensitive, plan);
        plan.ShouldNotContain("TEMP B-TREE", Case.Insensitive, plan);
    }
}

public sealed class RevisionStoreTestsOnSqlite(SqliteFixture database) : RevisionStoreTests(database), IClassFixture<SqliteFixture>;

public sealed class RevisionStoreTestsOnSqlServer(SqlServerFixture database) : RevisionStoreTests(database), IClassFixture<SqlServerFixture>;
