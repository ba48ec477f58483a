using KennisHub.SqlCheck;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;

namespace KennisHub.SqlServer.Model.Tests;

/// <summary>
/// The SQL Server side without a server: DacFx builds the schema from db/sqlserver (as SQL Server 2022) and
/// resolves every table and column each SQL literal in src/ names, the way a database project build would.
/// </summary>
public sealed class SchemaModelTests
{
    private static readonly string Root = SqlLiteralCollector.RepositoryRoot();

    [Fact]
    public void The_SQL_Server_migrations_build_a_valid_model()
    {
        using var model = SchemaModel();

        var errors = MigrationErrors();

        model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Table).Count().ShouldBeGreaterThan(10);
        model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Table).Select(t => t.Name.Parts[^1]).ShouldContain("ArticleBodies");
        errors.ShouldBeEmpty(string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void A_migration_that_names_an_unknown_column_or_table_makes_the_model_invalid()
    {
        var errors = MigrationErrors(
            ("0099_broken.sql", "CREATE INDEX IX_Themes_Archived ON Themes (Archived);\nGO\nALTER TABLE Articles ADD ReviewerId UNIQUEIDENTIFIER NULL REFERENCES Reviewers (Id);\nUPDATE Users SET Nickname = DisplayName;"));

        errors.ShouldContain(e => e.Contains("[dbo].[Themes].[Archived]", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("[dbo].[Reviewers]", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("[dbo].[Users].[Nickname]", StringComparison.Ordinal));
    }

    [Fact]
    public void Later_migrations_that_add_drop_and_move_data_fold_into_a_valid_model()
    {
        using var model = SchemaModel(Later);

        var errors = MigrationErrors(Later);

        errors.ShouldBeEmpty(string.Join(Environment.NewLine, errors));
        var themes = model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Table).Single(t => t.Name.Parts[^1] == "Themes");
        themes.GetReferenced(Table.Columns).Select(c => c.Name.Parts[^1]).ShouldContain("ArchivedAt");
        model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Index).Select(i => i.Name.Parts[^1]).ShouldNotContain("IX_Users_ApprovalStatus");
    }

    private static readonly (string Name, string Sql) Later = ("0099_later.sql", """
            ALTER TABLE Themes ADD Archived BIT NOT NULL CONSTRAINT DF_Themes_Archived DEFAULT 0, ArchivedAt DATETIMEOFFSET NULL;
            CREATE INDEX IX_Themes_Archived ON Themes (Archived);
            UPDATE Themes SET Archived = 1, ArchivedAt = UpdatedAt WHERE Visibility = N'Archived';
            DROP INDEX IX_Users_ApprovalStatus ON Users;
            ALTER TABLE Users DROP COLUMN ApprovalStatus;
            GO
            CREATE TABLE Bookmarks (
                UserId  UNIQUEIDENTIFIER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
                ThemeId UNIQUEIDENTIFIER NOT NULL REFERENCES Themes (Id) ON DELETE CASCADE,
                PRIMARY KEY (UserId, ThemeId)
            );
            """);

    [Fact]
    public void A_migration_that_copies_columns_and_then_drops_them_resolves_the_copy_against_the_schema_of_its_time()
    {
        var move = MigrationErrors(("0099_move.sql", """
            CREATE TABLE UserNotes (UserId UNIQUEIDENTIFIER NOT NULL PRIMARY KEY REFERENCES Users (Id), Phone NVARCHAR(50) NULL);
            GO
            INSERT INTO UserNotes (UserId, Phone) SELECT Id, PhoneNumber FROM Users;
            GO
            ALTER TABLE Users DROP COLUMN PhoneNumber;
            """));
        var tooLate = MigrationErrors(("0099_too_late.sql", """
            ALTER TABLE Users DROP COLUMN PhoneNumber;
            GO
            UPDATE Users SET DisplayName = PhoneNumber;
            """));

        move.ShouldBeEmpty(string.Join(Environment.NewLine, move));
        tooLate.ShouldContain(e => e.Contains("[PhoneNumber]", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_SQL_literal_in_src_names_only_tables_and_columns_the_schema_has()
    {
        var collection = SqlLiteralCollector.CollectFromSources(Root);
        collection.Literals.ShouldNotBeEmpty();
        using var model = SchemaModel();

        var errors = AddAsProcedures(model, collection);

        errors.ShouldBeEmpty(errors.Count + " onopgeloste verwijzing(en):" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void A_query_naming_an_unknown_column_or_table_is_reported_where_it_is()
    {
        const string Code = """"
            namespace X;
            public static class Typo
            {
                public const string Column = """
                    SELECT Id, Titel FROM Articles WHERE Visibility IN @Visibilities
                    """;
                public const string Table = "UPDATE Article SET Title = @Title, Version = Version + 1 WHERE Id = @Id AND Version = @Version";
                public const string Fine = "SELECT Id, Title FROM Themes WHERE Slug = @Slug";
            }
            """";
        using var model = SchemaModel();

        var errors = AddAsProcedures(model, SqlLiteralCollector.Collect(Code, "src/X/Typo.cs"));

        errors.ShouldContain(e => e.StartsWith("src/X/Typo.cs:5 (Typo.Column): SQL71501", StringComparison.Ordinal) && e.Contains("Titel", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("src/X/Typo.cs:7 (Typo.Table): SQL71502", StringComparison.Ordinal) && e.Contains("[dbo].[Article].", StringComparison.Ordinal));
        errors.ShouldNotContain(e => e.Contains("Typo.Fine", StringComparison.Ordinal));
    }

    /// <summary>
    /// SQL71501/SQL71502: unresolved references. In a procedure, SQL Server defers resolving a missing table, so
    /// DacFx reports it as a warning; for KennisHub a missing table is as wrong as a missing column.
    /// </summary>
    private static readonly HashSet<int> UnresolvedReference = [71501, 71502, 71561, 71562];

    /// <summary>The end-state model of db/sqlserver, in file order, followed by any extra (name, script) pairs.</summary>
    private static TSqlModel SchemaModel(params (string Name, string Sql)[] extra)
        => Model(MigrationFolding.Fold(Scripts(extra)).Schema);

    /// <summary>
    /// Validation errors of the migrations: the end-state model, and each run of data statements in a model of the
    /// schema as it stood when they ran.
    /// </summary>
    private static List<string> MigrationErrors(params (string Name, string Sql)[] extra)
    {
        var folded = MigrationFolding.Fold(Scripts(extra));
        var errors = new List<string>();
        foreach (var objects in folded.DataSteps.Prepend(folded.Schema))
        {
            using var model = Model(objects);
            errors.AddRange(Errors(model));
        }

        return errors;
    }

    private static IEnumerable<(string Name, string Sql)> Scripts((string Name, string Sql)[] extra)
        => Directory.GetFiles(Path.Combine(Root, "db", "sqlserver"), "*.sql").Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileName(path), Sql: File.ReadAllText(path)))
            .Concat(extra);

    private static TSqlModel Model(IEnumerable<MigrationFolding.ModelObject> objects)
    {
        var model = new TSqlModel(SqlServerVersion.Sql160, new TSqlModelOptions());
        foreach (var modelObject in objects)
        {
            model.AddOrUpdateObjects(modelObject.Sql, modelObject.Source, new TSqlObjectOptions());
        }

        return model;
    }

    /// <summary>
    /// Wraps each literal in its own procedure (its @parameters declared) so DacFx resolves what it names;
    /// returns the validation errors mapped back to the literal's file and line.
    /// </summary>
    private static List<string> AddAsProcedures(TSqlModel model, SqlCollection collection)
    {
        var pagingClause = collection.Literals.Any(l => l.IsPaged) ? TSqlCheck.PagingClause(collection) : "";
        var sources = new Dictionary<string, SqlLiteral>(StringComparer.Ordinal);
        var number = 0;
        var refused = new List<string>();
        foreach (var literal in collection.Literals)
        {
            var sql = TSqlCheck.ComposeForSqlServer(literal, pagingClause);
            var name = $"SqlCheck_{++number:D4}";
            var parameters = SqlLiteralCollector.Parameters(sql).Select(p => p + (p is "@Skip" or "@Take" ? " INT" : " SQL_VARIANT"));
            var procedure = $"CREATE PROCEDURE dbo.{name} {string.Join(", ", parameters)}\nAS\nBEGIN\n{sql}\nEND";
            sources[name] = literal;
            try
            {
                model.AddOrUpdateObjects(procedure, name, new TSqlObjectOptions());
            }
            catch (DacModelException exception)
            {
                refused.Add($"{literal.Where}: DacFx kan de SQL niet als procedure opnemen: {exception.Message} {string.Join("; ", exception.Messages)}");
            }
        }

        // A message names the procedure it is about ("[dbo].[SqlCheck_0007] has an unresolved reference..."), which
        // leads back to the literal.
        return refused.Concat(model.Validate()
            .Where(m => m.MessageType == DacMessageType.Error || UnresolvedReference.Contains(m.Number))
            .Select(m => sources.FirstOrDefault(s => m.Message.Contains($"[{s.Key}]", StringComparison.Ordinal)) is { Value: { } literal }
                ? $"{literal.Where}: {m.Prefix}{m.Number}: {m.Message}"
                : m.ToString()))
            .Distinct()
            .ToList();
    }

    private static List<string> Errors(TSqlModel model)
        => model.Validate().Where(m => m.MessageType == DacMessageType.Error || UnresolvedReference.Contains(m.Number)).Select(m => m.ToString()).ToList();
}
