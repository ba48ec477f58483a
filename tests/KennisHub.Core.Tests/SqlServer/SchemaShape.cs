using Dapper;
using KennisHub.Core.Data;
using KennisHub.SqlCheck;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace KennisHub.Core.Tests.SqlServer;

/// <summary>
/// A schema written as sorted lines ("Users.Email NULL text", "Users INDEX UX_... UNIQUE (...)"), so two schemas
/// compare as sets and a difference reads as a diff. Column types are compared by storage family (text, integer,
/// real, blob), because the two dialects name types differently by design (UNIQUEIDENTIFIER is TEXT on SQLite).
/// Full-text tables (SQLite FTS5, SQL Server full-text indexes) differ by design and are not compared.
/// </summary>
public static class SchemaShape
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { DatabaseMigrator.JournalTable };

    // SQL Server's full-text source table; on SQLite the same terms live in FTS5 virtual tables (not type 'table').
    private static readonly HashSet<string> FullText = new(StringComparer.OrdinalIgnoreCase) { "SearchText" };

    /// <summary>Reads the schema of a migrated SQLite database from sqlite_master and the PRAGMAs.</summary>
    public static SortedSet<string> FromSqlite(SqliteConnection connection)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var tables = connection.Query<string>(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .Where(t => !Ignored.Contains(t))
            .ToList();

        foreach (var table in tables)
        {
            var columns = connection.Query<(string Name, string Type, long NotNull, long Pk)>(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info(@table) ORDER BY cid", new { table }).ToList();
            var primaryKey = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
            foreach (var column in columns)
            {
                var rowId = column.Pk > 0 && primaryKey.Count == 1 && column.Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase);
                lines.Add(ColumnLine(table, column.Name, nullable: column.NotNull == 0 && !rowId, SqliteFamily(column.Type)));
            }

            if (primaryKey.Count > 0)
            {
                lines.Add($"{table} PRIMARY KEY ({string.Join(", ", primaryKey)})");
            }

            var indexes = connection.Query<(string Name, long Unique, string Origin)>(
                "SELECT name, \"unique\", origin FROM pragma_index_list(@table)", new { table });
            foreach (var index in indexes.Where(i => i.Origin != "pk"))
            {
                var indexColumns = connection.Query<string>("SELECT name FROM pragma_index_info(@name) ORDER BY seqno", new { name = index.Name });
                lines.Add(IndexLine(table, index.Origin == "u" ? "(constraint)" : index.Name, index.Unique == 1, indexColumns));
            }

            var keys = connection.Query<(long Id, string Table, string From, string? To, string OnDelete)>(
                "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(@table) ORDER BY id, seq", new { table });
            foreach (var key in keys.GroupBy(k => k.Id))
            {
                var referenced = key.All(k => k.To is not null)
                    ? key.Select(k => k.To!).ToList()
                    : connection.Query<string>("SELECT name FROM pragma_table_info(@table) WHERE pk > 0 ORDER BY pk", new { table = key.First().Table }).ToList();
                lines.Add(ForeignKeyLine(table, key.Select(k => k.From), key.First().Table, referenced, key.First().OnDelete));
            }
        }

        return lines;
    }

    /// <summary>Reads the schema the SQL Server scripts build, applied in order, from their ScriptDom syntax trees.</summary>
    public static SortedSet<string> FromSqlServerScripts(IEnumerable<(string Name, string Sql)> scripts)
    {
        var tables = new Dictionary<string, Table>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, script) in scripts)
        {
            foreach (var (_, batch) in TSqlCheck.SplitBatches(script))
            {
                var fragment = TSqlCheck.Parse(batch, out var errors);
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException($"{name}: {errors[0].Message} (regel {errors[0].Line})");
                }

                foreach (var statement in ((TSqlScript)fragment).Batches.SelectMany(b => b.Statements))
                {
                    Apply(tables, statement);
                }
            }
        }

        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in tables.Values.Where(t => !Ignored.Contains(t.Name) && !FullText.Contains(t.Name)))
        {
            foreach (var column in table.Columns)
            {
                lines.Add(ColumnLine(table.Name, column.Name, column.Nullable && !table.PrimaryKey.Contains(column.Name, StringComparer.OrdinalIgnoreCase), column.Family));
            }

            if (table.PrimaryKey.Count > 0)
            {
                lines.Add($"{table.Name} PRIMARY KEY ({string.Join(", ", table.PrimaryKey)})");
            }

            lines.UnionWith(table.Indexes.Values);
            lines.UnionWith(table.ForeignKeys);
        }

        return lines;
    }

    /// <summary>Lines only in one of the two schemas, marked "- sqlite only" / "+ sqlserver only".</summary>
    public static IReadOnlyList<string> Diff(SortedSet<string> sqlite, SortedSet<string> sqlServer)
        => sqlite.Except(sqlServer).Select(l => "- alleen SQLite:     " + l)
            .Concat(sqlServer.Except(sqlite).Select(l => "+ alleen SQL Server: " + l))
            .OrderBy(l => l[21..], StringComparer.Ordinal)
            .ToList();

    private static void Apply(Dictionary<string, Table> tables, TSqlStatement statement)
    {
        switch (statement)
        {
            case CreateTableStatement create:
                var table = new Table(create.SchemaObjectName.BaseIdentifier.Value);
                tables[table.Name] = table;
                AddElements(table, create.Definition);
                break;
            case AlterTableAddTableElementStatement add:
                AddElements(tables[add.SchemaObjectName.BaseIdentifier.Value], add.Definition);
                break;
            case AlterTableDropTableElementStatement drop:
                var target = tables[drop.SchemaObjectName.BaseIdentifier.Value];
                // In "DROP COLUMN a, b" only the first element says COLUMN; the others carry NotSpecified.
                var kind = TableElementType.NotSpecified;
                foreach (var element in drop.AlterTableDropTableElements)
                {
                    kind = element.TableElementType == TableElementType.NotSpecified ? kind : element.TableElementType;
                    if (kind == TableElementType.Column)
                    {
                        target.Columns.RemoveAll(c => c.Name.Equals(element.Name.Value, StringComparison.OrdinalIgnoreCase));
                    }
                }

                break;
            case CreateIndexStatement index:
                var indexed = tables[index.OnName.BaseIdentifier.Value];
                indexed.Indexes[index.Name.Value] = IndexLine(indexed.Name, index.Name.Value, index.Unique, index.Columns.Select(ColumnName));
                break;
            case DropIndexStatement dropIndex:
                foreach (var clause in dropIndex.DropIndexClauses.OfType<DropIndexClause>())
                {
                    tables[clause.Object.BaseIdentifier.Value].Indexes.Remove(clause.Index.Value);
                }

                break;
            case DropTableStatement dropTable:
                foreach (var dropped in dropTable.Objects)
                {
                    tables.Remove(dropped.BaseIdentifier.Value);
                }

                break;
            default:
                break; // Full-text catalogs and indexes, grants, data: not part of the compared shape.
        }
    }

    private static void AddElements(Table table, TableDefinition definition)
    {
        foreach (var column in definition.ColumnDefinitions)
        {
            var name = column.ColumnIdentifier.Value;
            var notNull = column.Constraints.OfType<NullableConstraintDefinition>().Any(n => !n.Nullable) || column.IdentityOptions is not null;
            table.Columns.Add(new Column(name, !notNull, SqlServerFamily(column.DataType.Name.BaseIdentifier.Value)));
            foreach (var constraint in column.Constraints)
            {
                AddConstraint(table, constraint, name);
            }
        }

        foreach (var constraint in definition.TableConstraints)
        {
            AddConstraint(table, constraint, columnName: null);
        }
    }

    private static void AddConstraint(Table table, ConstraintDefinition constraint, string? columnName)
    {
        switch (constraint)
        {
            case UniqueConstraintDefinition unique:
                var columns = columnName is null ? unique.Columns.Select(ColumnName).ToList() : [columnName];
                if (unique.IsPrimaryKey)
                {
                    table.PrimaryKey.AddRange(columns);
                }
                else
                {
                    table.Indexes["(constraint) " + string.Join(",", columns)] = IndexLine(table.Name, "(constraint)", unique: true, columns);
                }

                break;
            case ForeignKeyConstraintDefinition key:
                var from = columnName is null ? key.Columns.Select(c => c.Value).ToList() : [columnName];
                var referenced = key.ReferencedTableColumns.Select(c => c.Value).ToList();
                table.ForeignKeys.Add(ForeignKeyLine(table.Name, from, key.ReferenceTableName.BaseIdentifier.Value, referenced, key.DeleteAction switch
                {
                    DeleteUpdateAction.Cascade => "CASCADE",
                    DeleteUpdateAction.SetNull => "SET NULL",
                    DeleteUpdateAction.SetDefault => "SET DEFAULT",
                    _ => "NO ACTION",
                }));
                break;
            default:
                break; // DEFAULT and CHECK: not compared.
        }
    }

    private static string ColumnName(ColumnWithSortOrder column) => column.Column.MultiPartIdentifier.Identifiers[^1].Value;

    private static string ColumnLine(string table, string column, bool nullable, string family)
        => $"{table}.{column} {(nullable ? "NULL" : "NOT NULL")} {family}";

    private static string IndexLine(string table, string name, bool unique, IEnumerable<string> columns)
        => $"{table} INDEX {name}{(unique ? " UNIQUE" : "")} ({string.Join(", ", columns)})";

    private static string ForeignKeyLine(string table, IEnumerable<string> from, string referencedTable, IReadOnlyList<string> to, string onDelete)
        => $"{table} FOREIGN KEY ({string.Join(", ", from)}) REFERENCES {referencedTable} ({string.Join(", ", to)}) ON DELETE {onDelete.ToUpperInvariant()}";

    /// <summary>SQLite's type affinity rules (https://sqlite.org/datatype3.html, section 3.1), named by family.</summary>
    private static string SqliteFamily(string declared)
    {
        var type = declared.ToUpperInvariant();
        return type.Contains("INT", StringComparison.Ordinal) ? "integer"
            : type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal) ? "text"
            : type.Length == 0 || type.Contains("BLOB", StringComparison.Ordinal) ? "blob"
            : type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal) ? "real"
            : "numeric";
    }

    /// <summary>How KennisHub stores each SQL Server type on SQLite (Guids and times as text, BIT as 0/1).</summary>
    private static string SqlServerFamily(string type) => type.ToUpperInvariant() switch
    {
        "INT" or "BIGINT" or "SMALLINT" or "TINYINT" or "BIT" => "integer",
        "NVARCHAR" or "VARCHAR" or "NCHAR" or "CHAR" or "NTEXT" or "TEXT" or "UNIQUEIDENTIFIER"
            or "DATETIMEOFFSET" or "DATETIME2" or "DATETIME" or "DATE" or "TIME" => "text",
        "FLOAT" or "REAL" => "real",
        "VARBINARY" or "BINARY" or "IMAGE" => "blob",
        _ => "numeric",
    };

    private sealed record Column(string Name, bool Nullable, string Family);

    private sealed class Table(string name)
    {
        public string Name { get; } = name;

        public List<Column> Columns { get; } = [];

        public List<string> PrimaryKey { get; } = [];

        public Dictionary<string, string> Indexes { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> ForeignKeys { get; } = [];
    }
}
