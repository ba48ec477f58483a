using KennisHub.Core.Data;
using KennisHub.SqlCheck;
using Microsoft.Data.Sqlite;

namespace KennisHub.Core.Tests.SqlServer;

/// <summary>
/// Layer 1 of "SQL Server proven, not assumed": every SQL statement in src/ parses as T-SQL (SQL Server 2022),
/// stays portable, and prepares on a migrated SQLite database; the SQL Server migrations parse too.
/// </summary>
public sealed class SqlLiteralCheckTests
{
    private static readonly string Root = SqlLiteralCollector.RepositoryRoot();
    private static readonly Lazy<SqlCollection> Sources = new(() => SqlLiteralCollector.CollectFromSources(Root));

    [Fact]
    public void Every_SQL_literal_in_src_parses_as_TSql_and_stays_portable()
    {
        var collection = Sources.Value;

        // Not vacuous: the audit log's INSERT is known to be there, and so is the paging clause.
        collection.Literals.ShouldContain(l => l.Member == "AuditLog.WriteAsync" && l.Sql.Contains("INSERT INTO AuditLog", StringComparison.Ordinal));
        TSqlCheck.PagingClause(collection).ShouldBe(SqlServerDialect.Instance.PagingClause);

        var problems = TSqlCheck.Check(collection);
        problems.ShouldBeEmpty(Report(problems));
    }

    [Fact]
    public void Every_SQL_Server_migration_parses_batch_by_batch()
    {
        var problems = new List<string>();
        var scripts = Directory.GetFiles(Path.Combine(Root, "db", "sqlserver"), "*.sql").Order(StringComparer.Ordinal).ToList();
        scripts.ShouldNotBeEmpty();
        foreach (var script in scripts)
        {
            foreach (var (line, sql) in TSqlCheck.SplitBatches(File.ReadAllText(script)))
            {
                problems.AddRange(TSqlCheck.ParseErrors(sql).Select(e => $"db/sqlserver/{Path.GetFileName(script)}:{line + e.Line - 1}: {e.Message}"));
            }
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void No_SQL_Server_migration_holds_a_statement_that_cannot_run_in_its_transaction()
    {
        var problems = Directory.GetFiles(Path.Combine(Root, "db", "sqlserver"), "*.sql").Order(StringComparer.Ordinal)
            .SelectMany(script => TSqlCheck.SplitBatches(File.ReadAllText(script)).SelectMany(batch =>
                TSqlCheck.NotAllowedInTransaction(TSqlCheck.Parse(batch.Sql, out _))
                    .Select(p => $"db/sqlserver/{Path.GetFileName(script)} (batch from line {batch.Line}), {p}")))
            .ToList();

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
        TSqlCheck.NotAllowedInTransaction(TSqlCheck.Parse(
            "CREATE FULLTEXT INDEX ON Articles (Title, BodyText) KEY INDEX PK_Articles ON KennisHubCatalog;", out _))
            .ShouldHaveSingleItem().ShouldContain("CREATE FULLTEXT INDEX");
    }

    [Fact]
    public void Every_portable_literal_prepares_on_a_migrated_SQLite_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kennishub-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var db = new Db(DatabaseProvider.Sqlite, Db.SqliteFileConnectionString(folder));
            new DatabaseMigrator(db).Migrate();
            var portable = Sources.Value.Literals.Where(l => l.Scope == SqlScope.Portable).ToList();
            portable.ShouldNotBeEmpty();

            using var connection = new SqliteConnection(db.ConnectionString);
            connection.Open();
            var problems = portable
                .Select(l => (l.Where, Error: PrepareError(connection, l.IsPaged ? SqliteDialect.Instance.Page(l.Sql) : l.Sql)))
                .Where(p => p.Error is not null)
                .Select(p => $"{p.Where}: SQLite: {p.Error}")
                .ToList();
            problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_SQL_Server_paging_the_code_runs_is_what_the_check_parses()
    {
        var literal = new SqlLiteral("x.cs", 1, "X.List", TSqlCheck.SamplePagedStatement, SqlScope.Portable, IsPaged: true);

        var checkedSql = TSqlCheck.ComposeForSqlServer(literal, SqlServerDialect.Instance.PagingClause);

        checkedSql.ShouldBe(SqlServerDialect.Instance.Page(TSqlCheck.SamplePagedStatement));
        TSqlCheck.ParseErrors(checkedSql).ShouldBeEmpty();
    }

    [Fact]
    public void A_broken_statement_is_reported_with_its_file_line_and_message()
    {
        const string Code = """"
            namespace X;
            public static class Broken
            {
                public static string Sql()
                {
                    const string Sql = """
                        SELECT Id, Title
                        FROM Articles
                        WHERE Slug = @Slug AND
                        """;
                    return Sql;
                }
            }
            """";

        var problems = TSqlCheck.Check(SqlLiteralCollector.Collect(Code, "src/X/Broken.cs"));

        var problem = problems.ShouldHaveSingleItem();
        problem.Where.ShouldBe("src/X/Broken.cs:9 (Broken.Sql)");
        problem.Message.ShouldStartWith("T-SQL parse error:");
    }

    [Fact]
    public void SQL_composed_from_const_fragments_is_collected_as_the_whole_statement_the_compiler_folds()
    {
        const string Fragments = """"
            namespace X;
            public static class Fragments
            {
                public const string Columns = "a.Id, a.Slug, a.Title";
                public const string Visible = "a.Visibility IN @Visibilities";
            }
            """";
        const string Queries = """"
            namespace X;
            public sealed class Queries(Db db)
            {
                private const string Select = """
                    SELECT
                    """ + " " + Fragments.Columns + " FROM Articles a";
                private const string NewestFirst = "ORDER BY a.UpdatedAt DESC, a.Slug";

                public object List()
                {
                    const string Sql = Select + " WHERE " + Fragments.Visible + " " + NewestFirst;
                    return db.Dialect.Page(Sql);
                }

                public object Find()
                {
                    const string Sql = Select + " WHERE a.Slug = @Slug AND " + Fragments.Visible;
                    return Sql;
                }

                public string AtRunTime(string order) => Select + " ORDER BY " + order;
            }
            """";

        var dialect = (File.ReadAllText(Path.Combine(Root, "src", "KennisHub.Core", "Data", "SqlDialect.cs")), "src/KennisHub.Core/Data/SqlDialect.cs");
        var collection = SqlLiteralCollector.Collect([(Fragments, "src/X/Fragments.cs"), (Queries, "src/X/Queries.cs"), dialect]);

        collection.Literals.Where(l => l.Scope == SqlScope.Portable).Select(l => (l.Member, l.Sql.ReplaceLineEndings(" "), l.IsPaged)).ShouldBe(
        [
            ("Queries.List", "SELECT a.Id, a.Slug, a.Title FROM Articles a WHERE a.Visibility IN @Visibilities ORDER BY a.UpdatedAt DESC, a.Slug", true),
            ("Queries.Find", "SELECT a.Id, a.Slug, a.Title FROM Articles a WHERE a.Slug = @Slug AND a.Visibility IN @Visibilities", false),
        ]);
        collection.Escapes.ShouldHaveSingleItem().Member.ShouldBe("Queries.AtRunTime");
        TSqlCheck.Check(collection with { Escapes = [] }).ShouldBeEmpty();
    }

    [Fact]
    public void SQL_built_by_interpolation_or_concatenation_is_reported_as_an_escape()
    {
        const string Code = """
            namespace X;
            public static class Sneaky
            {
                public static string BySlug(string slug) => $"SELECT Id FROM Articles WHERE Slug = '{slug}'";
                public static string Ordered(string column) => "SELECT Id FROM Articles ORDER BY " + column;
                public static string Filter(System.Text.StringBuilder sql) => sql.Append(" WHERE Visibility = 'Public'").ToString();
                private const string Select = "SELECT Id, Title FROM Themes";
                private const string Where = " WHERE Visibility = @Visibility";
                public static string Glued() => Select + Where;
                public static string GluedByHoles() => $"{Select}{Where}";
                public static string Message(string name) => $"Welkom, {name}";
                public static string Path(string folder) => folder + "/kennishub.db";
            }
            """;

        var collection = SqlLiteralCollector.Collect(Code, "src/X/Sneaky.cs");
        var problems = TSqlCheck.Check(collection);

        collection.Escapes.Select(e => e.Member).ShouldBe(["Sneaky.BySlug", "Sneaky.Ordered", "Sneaky.Filter", "Sneaky.Glued", "Sneaky.GluedByHoles"], ignoreOrder: true);
        problems.Count(p => p.Message.Contains("interpolatie of samenvoeging", StringComparison.Ordinal)).ShouldBe(5);
    }

    [Theory]
    [InlineData("SELECT Id FROM Articles ORDER BY UpdatedAt LIMIT 20", "T-SQL parse error")]
    [InlineData("INSERT INTO Keywords (Id, Slug, Name) VALUES (@Id, @Slug, @Name) ON CONFLICT (Slug) DO NOTHING", "T-SQL parse error")]
    [InlineData("SELECT TOP 20 Id FROM Articles ORDER BY UpdatedAt", "TOP")]
    [InlineData("UPDATE Articles SET UpdatedAt = GETDATE() WHERE Id = @Id", "GETDATE")]
    [InlineData("SELECT Id FROM Articles WHERE CreatedAt > datetime('now', '-1 day')", "DATETIME")]
    [InlineData("SELECT Id FROM Articles WHERE LEN(Title) > 3", "LEN")]
    [InlineData("SELECT Id FROM Articles ORDER BY UpdatedAt OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY", "db.Dialect.Page")]
    public void SQL_that_only_one_database_understands_is_reported(string sql, string expected)
    {
        var problems = TSqlCheck.Check(new SqlCollection([new SqlLiteral("x.cs", 1, "X", sql, SqlScope.Portable, IsPaged: false)], []));

        problems.ShouldNotBeEmpty();
        problems[0].Message.ShouldContain(expected);
    }

    [Fact]
    public void Dialect_literals_are_split_by_class_and_pages_are_recognised()
    {
        const string Code = """"
            namespace X;
            public sealed class SqliteDialect { public string Paging => "LIMIT @Take OFFSET @Skip"; public string Now => "SELECT datetime('now')"; }
            public sealed class SqlServerDialect { public string PagingClause => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY"; }
            public sealed class Articles(Db db)
            {
                private const string List = """
                    SELECT Id FROM Articles WHERE Visibility IN @Visibilities ORDER BY UpdatedAt DESC
                    """;
                public string Paged() => db.Dialect.Page(List);
                public string One() => "SELECT Id FROM Articles WHERE Id = @Id";
                public string LocalPaged()
                {
                    const string Sql = "SELECT Id FROM Themes ORDER BY Title";
                    return db.Dialect.Page(Sql);
                }
                public string LocalSameNameUnpaged()
                {
                    const string Sql = "SELECT Id FROM Themes WHERE Slug = @Slug";
                    return Sql;
                }
            }
            """";

        var literals = SqlLiteralCollector.Collect(Code, "src/X/Articles.cs").Literals;

        literals.ShouldNotContain(l => l.Sql.Contains("LIMIT", StringComparison.Ordinal) || l.Sql.Contains("datetime", StringComparison.Ordinal));
        literals.Single(l => l.Scope == SqlScope.SqlServerDialect).Sql.ShouldStartWith("OFFSET");
        literals.Single(l => l.Sql.Contains("IN @Visibilities", StringComparison.Ordinal)).IsPaged.ShouldBeTrue();
        literals.Single(l => l.Sql.Contains("Id = @Id", StringComparison.Ordinal)).IsPaged.ShouldBeFalse();
        literals.Single(l => l.Sql.Contains("ORDER BY Title", StringComparison.Ordinal)).IsPaged.ShouldBeTrue();
        literals.Single(l => l.Sql.Contains("Slug = @Slug", StringComparison.Ordinal)).IsPaged.ShouldBeFalse();
        TSqlCheck.Check(new SqlCollection(literals, [])).ShouldBeEmpty();
    }

    [Fact]
    public void Literals_that_are_not_SQL_are_left_alone()
    {
        SqlLiteralCollector.StartsWithStatementKeyword("  -- why\n  /* note */ SELECT 1").ShouldBeTrue();
        SqlLiteralCollector.StartsWithStatementKeyword("SETTINGS").ShouldBeFalse();
        SqlLiteralCollector.StartsWithStatementKeyword("Select een thema").ShouldBeFalse();
        SqlLiteralCollector.StartsWithStatementKeyword("db/sqlserver/").ShouldBeFalse();
    }

    [Fact]
    public void Dapper_list_parameters_are_expanded_the_way_Dapper_sends_them()
    {
        SqlLiteralCollector.ExpandDapperLists("SELECT Id FROM Themes WHERE Visibility IN @Visibilities AND Id IN (@Id)")
            .ShouldBe("SELECT Id FROM Themes WHERE Visibility IN (@Visibilities) AND Id IN (@Id)");
        SqlLiteralCollector.Parameters("DECLARE @n INT = 1; SELECT @Id, @Take, @@ROWCOUNT, 'a@b' WHERE x = @Id")
            .ShouldBe(["@Id", "@Take"]);
    }

    [Fact]
    public void An_unknown_column_fails_to_prepare_on_SQLite()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE Articles (Id TEXT NOT NULL PRIMARY KEY, Title TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        PrepareError(connection, "SELECT Id, Title FROM Articles WHERE Id = @Id").ShouldBeNull();
        PrepareError(connection, "SELECT Id, Titel FROM Articles WHERE Id = @Id").ShouldNotBeNull().ShouldContain("Titel");
    }

    private static string? PrepareError(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SqlLiteralCollector.ExpandDapperLists(sql);
        try
        {
            command.Prepare();
            return null;
        }
        catch (SqliteException exception)
        {
            return exception.Message;
        }
    }

    private static string Report(IReadOnlyList<SqlProblem> problems)
        => problems.Count + " SQL problem(s):" + Environment.NewLine + string.Join(Environment.NewLine, problems);
}
