using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace KennisHub.SqlCheck;

/// <summary>One problem the check found, with where it is.</summary>
public sealed record SqlProblem(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}

/// <summary>
/// Parses T-SQL without a server (ScriptDom, SQL Server 2022 grammar) and checks that portable SQL stays portable.
/// Shared as a linked source file, like <see cref="SqlLiteralCollector"/>.
/// </summary>
public static partial class TSqlCheck
{
    /// <summary>A statement shaped like the ones the code pages: what a paging clause is appended to.</summary>
    public const string SamplePagedStatement = "SELECT Id, Title FROM Articles ORDER BY UpdatedAt DESC, Id";

    /// <summary>
    /// Functions that exist, with the same meaning, in SQLite and SQL Server. Anything else (GETDATE, datetime(),
    /// LEN/LENGTH, IFNULL/ISNULL, SUBSTR, NEWID...) belongs in SqlDialect.
    /// </summary>
    public static readonly IReadOnlySet<string> PortableFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "COUNT", "SUM", "MIN", "MAX", "AVG", "NULLIF", "LOWER", "UPPER", "ABS", "REPLACE", "TRIM", "LTRIM", "RTRIM",
        "ROW_NUMBER", "RANK", "DENSE_RANK",
    };

    /// <summary>Parse errors as "line L, column C: message" (line numbers within <paramref name="sql"/>).</summary>
    public static IReadOnlyList<(int Line, string Message)> ParseErrors(string sql)
    {
        Parse(sql, out var errors);
        return errors.Select(e => (e.Line, $"regel {e.Line}, kolom {e.Column}: {e.Message}")).ToList();
    }

    public static TSqlFragment Parse(string sql, out IList<ParseError> errors)
        => new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out errors);

    /// <summary>
    /// The T-SQL the code actually sends for a literal: Dapper's list expansion applied, the SQL Server paging
    /// clause appended when the code pages it, a dialect fragment set in a sample statement.
    /// </summary>
    public static string ComposeForSqlServer(SqlLiteral literal, string pagingClause)
    {
        if (literal.Scope == SqlScope.SqlServerDialect)
        {
            return ComposeFragment(SqlLiteralCollector.ExpandDapperLists(literal.Sql));
        }

        var sql = literal.IsPaged ? literal.Sql.TrimEnd() + "\n" + pagingClause : literal.Sql;
        return SqlLiteralCollector.ExpandDapperLists(sql);
    }

    /// <summary>The SqlServerDialect literal the code appends in <c>Page(...)</c>.</summary>
    public static string PagingClause(SqlCollection collection)
        => collection.Literals.Single(l => l.Scope == SqlScope.SqlServerDialect && l.Member.EndsWith(".PagingClause", StringComparison.Ordinal)).Sql;

    /// <summary>
    /// A dialect member is a whole statement, a clause appended after ORDER BY (paging), a predicate, or an
    /// expression: the first shape that parses is the one it has; if none parses, the statement's errors count.
    /// </summary>
    public static string ComposeFragment(string fragment)
    {
        string[] shapes =
        [
            fragment,
            SamplePagedStatement + "\n" + fragment,
            "SELECT Id FROM Articles WHERE " + fragment,
            "SELECT " + fragment + " AS Value",
        ];
        return shapes.FirstOrDefault(s => ParseErrors(s).Count == 0) ?? fragment;
    }

    /// <summary>Every problem with the SQL literals: escapes, parse errors, and non-portable constructs in portable SQL.</summary>
    public static IReadOnlyList<SqlProblem> Check(SqlCollection collection)
    {
        var problems = new List<SqlProblem>();
        problems.AddRange(collection.Escapes.Select(e => new SqlProblem($"{e.File}:{e.Line} ({e.Member})",
            "SQL wordt opgebouwd met interpolatie of samenvoeging; schrijf het als één letterlijke string (verschillen horen in SqlDialect): " + e.Code)));

        var pagingClause = collection.Literals.Any(l => l.IsPaged) ? PagingClause(collection) : "";
        foreach (var literal in collection.Literals)
        {
            Parse(ComposeForSqlServer(literal, pagingClause), out var errors);
            problems.AddRange(errors.Select(e => new SqlProblem(
                $"{literal.File}:{literal.Line + e.Line - 1} ({literal.Member})", $"T-SQL parse error: {e.Message}")));
            if (errors.Count == 0 && literal.Scope == SqlScope.Portable)
            {
                // Portability is judged on what the code wrote, before the dialect's paging clause is appended.
                var written = Parse(SqlLiteralCollector.ExpandDapperLists(literal.Sql), out _);
                problems.AddRange(NotPortable(written).Select(m => new SqlProblem(literal.Where, m)));
            }
        }

        return problems;
    }

    /// <summary>Constructs that parse as T-SQL but do not run (the same way) on SQLite.</summary>
    public static IReadOnlyList<string> NotPortable(TSqlFragment fragment)
    {
        var visitor = new PortabilityVisitor();
        fragment.Accept(visitor);
        return visitor.Problems;
    }

    /// <summary>A migration script split into its batches on GO lines, each with the line it starts on.</summary>
    public static IReadOnlyList<(int Line, string Sql)> SplitBatches(string script)
    {
        var batches = new List<(int, string)>();
        var lines = script.ReplaceLineEndings("\n").Split('\n');
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i == lines.Length || GoLine().IsMatch(lines[i]))
            {
                var batch = string.Join('\n', lines[start..i]);
                if (!string.IsNullOrWhiteSpace(batch))
                {
                    batches.Add((start + 1, batch));
                }

                start = i + 1;
            }
        }

        return batches;
    }

    /// <summary>
    /// Statements SQL Server refuses inside a user transaction. DatabaseMigrator runs each script in one transaction
    /// (DbUp's WithTransactionPerScript), so a migration holding one of these fails on SQL Server only, at deploy time.
    /// </summary>
    public static IReadOnlyList<string> NotAllowedInTransaction(TSqlFragment fragment)
    {
        var visitor = new TransactionVisitor();
        fragment.Accept(visitor);
        return visitor.Problems;
    }

    [GeneratedRegex(@"^\s*GO\s*(--.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GoLine();

    private sealed class TransactionVisitor : TSqlFragmentVisitor
    {
        public List<string> Problems { get; } = [];

        public override void Visit(CreateFullTextIndexStatement node) => Add(node, "CREATE FULLTEXT INDEX");

        public override void Visit(AlterFullTextIndexStatement node) => Add(node, "ALTER FULLTEXT INDEX");

        public override void Visit(DropFullTextIndexStatement node) => Add(node, "DROP FULLTEXT INDEX");

        public override void Visit(CreateFullTextCatalogStatement node) => Add(node, "CREATE FULLTEXT CATALOG");

        public override void Visit(AlterFullTextCatalogStatement node) => Add(node, "ALTER FULLTEXT CATALOG");

        public override void Visit(DropFullTextCatalogStatement node) => Add(node, "DROP FULLTEXT CATALOG");

        public override void Visit(CreateDatabaseStatement node) => Add(node, "CREATE DATABASE");

        public override void Visit(AlterDatabaseStatement node) => Add(node, "ALTER DATABASE");

        public override void Visit(BackupStatement node) => Add(node, "BACKUP");

        public override void Visit(RestoreStatement node) => Add(node, "RESTORE");

        private void Add(TSqlFragment node, string what)
            => Problems.Add($"regel {node.StartLine}: {what} kan niet in een transactie, en elke migratie draait in een transactie");
    }

    private sealed class PortabilityVisitor : TSqlFragmentVisitor
    {
        public List<string> Problems { get; } = [];

        public override void Visit(FunctionCall node)
        {
            if (node.CallTarget is null && !PortableFunctions.Contains(node.FunctionName.Value))
            {
                Problems.Add($"functie {node.FunctionName.Value.ToUpperInvariant()}() is niet overdraagbaar tussen SQLite en SQL Server: zet het verschil in SqlDialect");
            }
        }

        public override void Visit(LeftFunctionCall node) => Problems.Add("LEFT() bestaat niet in SQLite: gebruik SqlDialect");

        public override void Visit(RightFunctionCall node) => Problems.Add("RIGHT() bestaat niet in SQLite: gebruik SqlDialect");

        public override void Visit(ConvertCall node) => Problems.Add("CONVERT() bestaat niet in SQLite: gebruik CAST");

        public override void Visit(TopRowFilter node) => Problems.Add("TOP bestaat niet in SQLite: pagineer met db.Dialect.Page(sql)");

        public override void Visit(OffsetClause node) => Problems.Add("OFFSET/FETCH in overdraagbare SQL: pagineer met db.Dialect.Page(sql)");

        public override void Visit(GlobalVariableExpression node) => Problems.Add($"{node.Name} bestaat niet in SQLite");

        public override void Visit(MergeStatement node) => Problems.Add("MERGE bestaat niet in SQLite: schrijf een gewone INSERT/UPDATE");
    }
}
