using KennisHub.SqlCheck;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace KennisHub.SqlServer.Model.Tests;

/// <summary>
/// DacFx models a schema as it is, not as the steps that built it: it refuses <c>ALTER TABLE ... ADD</c> column
/// (SQL70645) and takes one object per batch. This folds the numbered migrations, in order, into that end state:
/// later ADDs and DROPs are applied to the CREATE TABLE syntax tree, other DDL is kept per statement, and data
/// statements (a migration that moves rows) become procedures so their references are still resolved. A data
/// statement is resolved against the schema as it stood when it ran, not the end state: a migration that copies
/// columns into a new table and then drops them (0002 moves the bodies) names columns the end state no longer has.
/// Each run of data statements without DDL between them is one <see cref="FoldedMigrations.DataSteps"/> entry: a
/// snapshot of the schema at that point followed by the statements as procedures.
/// </summary>
public static class MigrationFolding
{
    public sealed record ModelObject(string Source, string Sql);

    /// <summary>The end-state schema, and per run of data statements the schema then plus those statements.</summary>
    public sealed record FoldedMigrations(IReadOnlyList<ModelObject> Schema, IReadOnlyList<IReadOnlyList<ModelObject>> DataSteps);

    public static FoldedMigrations Fold(IEnumerable<(string Name, string Sql)> scripts)
    {
        var tables = new Dictionary<string, (string Source, CreateTableStatement Statement)>(StringComparer.OrdinalIgnoreCase);
        var others = new List<(string Source, TSqlStatement Statement)>();
        var dataSteps = new List<List<ModelObject>>();
        List<ModelObject>? openDataStep = null;
        var procedures = 0;

        foreach (var script in scripts)
        {
            foreach (var (line, batch) in TSqlCheck.SplitBatches(script.Sql))
            {
                var parsed = (TSqlScript)TSqlCheck.Parse(batch, out var errors);
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException($"db/sqlserver/{script.Name}:{line + errors[0].Line - 1}: {errors[0].Message}");
                }

                foreach (var statement in parsed.Batches.SelectMany(b => b.Statements))
                {
                    var source = $"db/sqlserver/{script.Name}:{line + statement.StartLine - 1}";
                    if (!IsData(statement))
                    {
                        openDataStep = null;
                    }

                    switch (statement)
                    {
                        case CreateTableStatement create:
                            tables[create.SchemaObjectName.BaseIdentifier.Value] = (source, create);
                            break;
                        case AlterTableAddTableElementStatement add:
                            var definition = Table(tables, add.SchemaObjectName, source).Definition;
                            foreach (var column in add.Definition.ColumnDefinitions)
                            {
                                definition.ColumnDefinitions.Add(column);
                            }

                            foreach (var constraint in add.Definition.TableConstraints)
                            {
                                definition.TableConstraints.Add(constraint);
                            }

                            break;
                        case AlterTableDropTableElementStatement drop:
                            var dropped = Table(tables, drop.SchemaObjectName, source).Definition;
                            foreach (var element in drop.AlterTableDropTableElements)
                            {
                                var name = element.Name.Value;
                                RemoveAll(dropped.ColumnDefinitions, c => Same(c.ColumnIdentifier, name));
                                RemoveAll(dropped.TableConstraints, c => Same(c.ConstraintIdentifier, name));
                            }

                            break;
                        case DropIndexStatement dropIndex:
                            foreach (var clause in dropIndex.DropIndexClauses.OfType<DropIndexClause>())
                            {
                                others.RemoveAll(o => o.Statement is CreateIndexStatement index && Same(index.Name, clause.Index.Value)
                                    && Same(index.OnName.BaseIdentifier, clause.Object.BaseIdentifier.Value));
                            }

                            break;
                        case DropTableStatement dropTable:
                            foreach (var name in dropTable.Objects.Select(o => o.BaseIdentifier.Value))
                            {
                                tables.Remove(name);
                                others.RemoveAll(o => o.Statement is CreateIndexStatement index && Same(index.OnName.BaseIdentifier, name));
                            }

                            break;
                        case AlterTableRebuildStatement:
                            break; // Storage only: no change to the modelled schema.
                        case var data when IsData(data):
                            if (openDataStep is null)
                            {
                                openDataStep = tables.Values.Select(t => new ModelObject(t.Source, Script(t.Statement)))
                                    .Concat(others.Select(o => new ModelObject(o.Source, Script(o.Statement))))
                                    .ToList();
                                dataSteps.Add(openDataStep);
                            }

                            var procedure = $"CREATE PROCEDURE dbo.MigrationStep_{++procedures:D4}\nAS\nBEGIN\n{Script(statement)}\nEND";
                            openDataStep.Add(new ModelObject(source, Script(ParseSingle(procedure))));
                            break;
                        default:
                            others.Add((source, statement));
                            break;
                    }
                }
            }
        }

        var schema = tables.Values.Select(t => new ModelObject(t.Source, Script(t.Statement)))
            .Concat(others.Select(o => new ModelObject(o.Source, Script(o.Statement))))
            .ToList();
        return new FoldedMigrations(schema, dataSteps);
    }

    private static bool IsData(TSqlStatement statement)
        => statement is InsertStatement or UpdateStatement or DeleteStatement or MergeStatement or DeclareVariableStatement or IfStatement or SetVariableStatement;

    private static CreateTableStatement Table(Dictionary<string, (string Source, CreateTableStatement Statement)> tables, SchemaObjectName name, string source)
        => tables.TryGetValue(name.BaseIdentifier.Value, out var table)
            ? table.Statement
            : throw new InvalidOperationException($"{source}: ALTER TABLE {name.BaseIdentifier.Value}, maar die tabel is nergens aangemaakt.");

    private static bool Same(Identifier? identifier, string name) => identifier is not null && identifier.Value.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static void RemoveAll<T>(IList<T> list, Func<T, bool> match)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (match(list[i]))
            {
                list.RemoveAt(i);
            }
        }
    }

    private static string Script(TSqlFragment fragment)
    {
        new Sql160ScriptGenerator().GenerateScript(fragment, out var script);
        return script;
    }

    private static TSqlStatement ParseSingle(string sql)
        => ((TSqlScript)TSqlCheck.Parse(sql, out _)).Batches.Single().Statements.Single();
}
