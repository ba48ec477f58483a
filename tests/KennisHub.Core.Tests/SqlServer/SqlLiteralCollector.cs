using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KennisHub.SqlCheck;

/// <summary>Where a SQL literal applies: both databases, or a dialect member of one.</summary>
public enum SqlScope
{
    /// <summary>Plain SQL that must run on SQLite and SQL Server alike.</summary>
    Portable,

    /// <summary>A literal inside <c>SqlServerDialect</c>: T-SQL only, often a fragment (a paging clause).</summary>
    SqlServerDialect,
}

/// <summary>
/// One SQL statement as the code holds it. <see cref="IsPaged"/>: the code passes it through
/// <c>Dialect.Page(...)</c>, so what runs is the statement with the dialect's paging clause appended.
/// </summary>
public sealed record SqlLiteral(string File, int Line, string Member, string Sql, SqlScope Scope, bool IsPaged)
{
    public string Where => $"{File}:{Line} ({Member})";
}

/// <summary>SQL built by interpolation or concatenation: it would escape the check, so it is a failure by itself.</summary>
public sealed record SqlEscape(string File, int Line, string Member, string Code)
{
    public override string ToString() => $"{File}:{Line} ({Member}): {Code}";
}

public sealed record SqlCollection(IReadOnlyList<SqlLiteral> Literals, IReadOnlyList<SqlEscape> Escapes);

/// <summary>
/// Finds every SQL statement KennisHub can send by reading the C# sources with Roslyn, so the check follows the
/// code instead of a hand-kept copy. Shared by KennisHub.Core.Tests (ScriptDom parse, SQLite prepare) and
/// KennisHub.SqlServer.Model.Tests (DacFx reference check) as a linked source file.
/// </summary>
public static partial class SqlLiteralCollector
{
    /// <summary>Words a SQL statement starts with. Upper case only: KennisHub writes SQL keywords in capitals.</summary>
    public static readonly IReadOnlyList<string> StatementKeywords =
        ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "CREATE", "ALTER", "DROP", "MERGE", "IF", "DECLARE", "EXEC", "SET", "BEGIN"];

    private const string SqliteDialectClass = "SqliteDialect";
    private const string SqlServerDialectClass = "SqlServerDialect";

    /// <summary>The repository root: the folder above the test binaries that holds KennisHub.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KennisHub.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("KennisHub.sln niet gevonden boven " + AppContext.BaseDirectory);
    }

    /// <summary>Every SQL literal and every SQL escape in src/**/*.cs (generated obj/ and bin/ files excluded).</summary>
    public static SqlCollection CollectFromSources(string repositoryRoot)
    {
        var src = Path.Combine(repositoryRoot, "src");
        var files = new List<(string Code, string File)>();
        foreach (var path in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            files.Add((File.ReadAllText(path), relative));
        }

        return Collect(files);
    }

    /// <summary>The SQL literals and escapes in one C# source text.</summary>
    public static SqlCollection Collect(string code, string file) => Collect([(code, file)]);

    /// <summary>The SQL literals and escapes in a set of C# source texts (const fragments may live in another file).</summary>
    public static SqlCollection Collect(IReadOnlyList<(string Code, string File)> files)
    {
        var roots = files.Select(f => (Root: CSharpSyntaxTree.ParseText(f.Code, path: f.File).GetCompilationUnitRoot(), f.File)).ToList();
        var fragments = new ConstFragments(roots.Select(r => r.Root));
        var literals = new List<SqlLiteral>();
        var escapes = new List<SqlEscape>();
        foreach (var (root, file) in roots)
        {
            Collect(root, file, fragments, literals, escapes);
        }

        return new SqlCollection(literals, escapes);
    }

    private static void Collect(CompilationUnitSyntax root, string file, ConstFragments fragments, List<SqlLiteral> literals, List<SqlEscape> allEscapes)
    {
        var escapes = new List<SqlEscape>();

        // SQL composed from const fragments ("const string Sql = Select + VisibleToReader + NewestFirst;"): the compiler
        // folds it, so the check sees the whole statement, collected once under the const that holds it.
        foreach (var (declarator, sql) in fragments.FoldedIn(root))
        {
            if (fragments.IsFragment(declarator) || !StartsWithStatementKeyword(sql))
            {
                continue;
            }

            var scope = EnclosingClass(declarator) == SqlServerDialectClass ? SqlScope.SqlServerDialect : SqlScope.Portable;
            literals.Add(new SqlLiteral(file, declarator.GetLocation().GetLineSpan().StartLinePosition.Line + 1, MemberName(declarator), sql, scope,
                scope == SqlScope.Portable && IsPassedToPage(declarator, declarator.Identifier.ValueText)));
        }

        foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>())
        {
            if (!literal.IsKind(SyntaxKind.StringLiteralExpression) || fragments.IsPartOfFoldedOrFragment(literal))
            {
                continue;
            }

            var text = literal.Token.ValueText;
            var dialectClass = EnclosingClass(literal);
            if (dialectClass == SqliteDialectClass)
            {
                continue; // SQLite-only by design.
            }

            if (dialectClass == SqlServerDialectClass)
            {
                if (!StartsWithStatementKeyword(text) && !ContainsSqlWords(text) && !text.Contains('@', StringComparison.Ordinal))
                {
                    continue; // Not SQL: a folder name, a message.
                }

                literals.Add(new SqlLiteral(file, ContentLine(literal), MemberName(literal), text, SqlScope.SqlServerDialect, IsPaged: false));
            }
            else if (StartsWithStatementKeyword(text))
            {
                literals.Add(new SqlLiteral(file, ContentLine(literal), MemberName(literal), text, SqlScope.Portable, IsPassedToPage(literal)));
            }
            else if (ContainsSqlWords(text) && IsPieceOfBuiltString(literal))
            {
                escapes.Add(Escape(file, literal));
            }
        }

        // Names of strings (consts, fields, locals) that hold SQL: gluing them together escapes the check just as
        // gluing literals does ("const string Sql = Select + Where;", $"{Select}{Where}").
        var sqlNames = root.DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .Where(v => v.Initializer?.Value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } l
                && (StartsWithStatementKeyword(l.Token.ValueText) || ContainsSqlWords(l.Token.ValueText)))
            .Select(v => v.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal);
        bool IsSqlPiece(ExpressionSyntax piece) => piece switch
        {
            LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.StringLiteralExpression)
                && (StartsWithStatementKeyword(literal.Token.ValueText) || ContainsSqlWords(literal.Token.ValueText)),
            IdentifierNameSyntax identifier => sqlNames.Contains(identifier.Identifier.ValueText),
            MemberAccessExpressionSyntax member => sqlNames.Contains(member.Name.Identifier.ValueText),
            _ => false,
        };

        foreach (var interpolated in root.DescendantNodes().OfType<InterpolatedStringExpressionSyntax>())
        {
            var fixedText = string.Concat(interpolated.Contents.OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText));
            if (StartsWithStatementKeyword(fixedText) || ContainsSqlWords(fixedText)
                || interpolated.Contents.OfType<InterpolationSyntax>().Any(hole => IsSqlPiece(hole.Expression)))
            {
                escapes.Add(Escape(file, interpolated));
            }
        }

        foreach (var concatenation in root.DescendantNodes().OfType<BinaryExpressionSyntax>().Where(b => b.IsKind(SyntaxKind.AddExpression)))
        {
            if (concatenation.Parent is BinaryExpressionSyntax parent && parent.IsKind(SyntaxKind.AddExpression))
            {
                continue; // Report a chain once, at its top.
            }

            if (!fragments.IsFolded(concatenation) && Flatten(concatenation).Any(IsSqlPiece))
            {
                escapes.Add(Escape(file, concatenation));
            }
        }

        allEscapes.AddRange(escapes.DistinctBy(e => (e.Line, e.Code)));
    }

    /// <summary>
    /// The <c>const string</c>s of the sources, and what the compiler folds them to. A const whose initialiser is a
    /// <c>+</c> chain of string literals and other such consts (by simple name in its member or type, or as
    /// <c>Type.Name</c>) folds to one string at compile time; a const named in such a chain is a fragment, not a
    /// statement. Anything else glued together (non-const strings, interpolation, StringBuilder) is run-time SQL and
    /// stays an escape.
    /// </summary>
    private sealed class ConstFragments
    {
        private readonly Dictionary<string, List<VariableDeclaratorSyntax>> byName = new(StringComparer.Ordinal);
        private readonly Dictionary<VariableDeclaratorSyntax, string?> folded = [];
        private readonly HashSet<VariableDeclaratorSyntax> referenced = [];
        private readonly HashSet<SyntaxNode> foldedChains = [];

        public ConstFragments(IEnumerable<CompilationUnitSyntax> roots)
        {
            var declarators = roots.SelectMany(r => r.DescendantNodes().OfType<VariableDeclaratorSyntax>()).Where(IsConstString).ToList();
            foreach (var declarator in declarators)
            {
                var name = declarator.Identifier.ValueText;
                (byName.TryGetValue(name, out var list) ? list : byName[name] = []).Add(declarator);
            }

            foreach (var declarator in declarators.Where(d => d.Initializer!.Value is not LiteralExpressionSyntax))
            {
                if (Fold(declarator, depth: 0) is not null)
                {
                    foldedChains.Add(declarator.Initializer!.Value);
                    Mark(declarator.Initializer!.Value);
                }
            }
        }

        /// <summary>The consts of this tree that fold from more than one piece, with their folded text.</summary>
        public IEnumerable<(VariableDeclaratorSyntax Declarator, string Sql)> FoldedIn(CompilationUnitSyntax root)
            => folded.Where(f => f.Value is not null && f.Key.SyntaxTree == root.SyntaxTree && f.Key.Initializer!.Value is not LiteralExpressionSyntax)
                .OrderBy(f => f.Key.SpanStart)
                .Select(f => (f.Key, f.Value!));

        public bool IsFragment(VariableDeclaratorSyntax declarator) => referenced.Contains(declarator);

        public bool IsFolded(SyntaxNode chain) => foldedChains.Contains(chain);

        /// <summary>A literal inside a folded chain, or the literal value of a fragment const: checked as part of its statement.</summary>
        public bool IsPartOfFoldedOrFragment(LiteralExpressionSyntax literal)
            => literal.Ancestors().Any(foldedChains.Contains)
                || literal.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } && referenced.Contains(declarator);

        private static bool IsConstString(VariableDeclaratorSyntax declarator)
            => declarator.Initializer is not null
                && declarator.Parent is VariableDeclarationSyntax { Type: PredefinedTypeSyntax { Keyword.ValueText: "string" } } declaration
                && declaration.Parent switch
                {
                    FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
                    LocalDeclarationStatementSyntax local => local.IsConst,
                    _ => false,
                };

        private string? Fold(VariableDeclaratorSyntax declarator, int depth)
        {
            if (folded.TryGetValue(declarator, out var known))
            {
                return known;
            }

            folded[declarator] = null; // A cycle does not fold (the compiler refuses it too).
            var value = depth > 20 ? null : Fold(declarator.Initializer!.Value, declarator, depth + 1);
            folded[declarator] = value;
            return value;
        }

        private string? Fold(ExpressionSyntax expression, SyntaxNode site, int depth) => expression switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
            ParenthesizedExpressionSyntax parenthesized => Fold(parenthesized.Expression, site, depth),
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression)
                => Fold(binary.Left, site, depth) is { } left && Fold(binary.Right, site, depth) is { } right ? left + right : null,
            IdentifierNameSyntax identifier => Resolve(identifier.Identifier.ValueText, null, site) is { } d ? Fold(d, depth) : null,
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax type } member
                => Resolve(member.Name.Identifier.ValueText, type.Identifier.ValueText, site) is { } d ? Fold(d, depth) : null,
            _ => null,
        };

        /// <summary>The const a name means at a site: a local const of the same member, else a field of the same type, else of the named type.</summary>
        private VariableDeclaratorSyntax? Resolve(string name, string? typeName, SyntaxNode site)
        {
            if (!byName.TryGetValue(name, out var candidates))
            {
                return null;
            }

            if (typeName is not null)
            {
                return candidates.FirstOrDefault(c => c.Parent?.Parent is FieldDeclarationSyntax && EnclosingClass(c) == typeName);
            }

            var member = site.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not TypeDeclarationSyntax);
            var type = site.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            return candidates.FirstOrDefault(c => c.Parent?.Parent is LocalDeclarationStatementSyntax
                    && c.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not TypeDeclarationSyntax) == member)
                ?? candidates.FirstOrDefault(c => c.Parent?.Parent is FieldDeclarationSyntax && c.FirstAncestorOrSelf<TypeDeclarationSyntax>() == type);
        }

        private void Mark(ExpressionSyntax chain)
        {
            foreach (var piece in Flatten(chain))
            {
                var site = piece;
                var declarator = piece switch
                {
                    IdentifierNameSyntax identifier => Resolve(identifier.Identifier.ValueText, null, site),
                    MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax type } member => Resolve(member.Name.Identifier.ValueText, type.Identifier.ValueText, site),
                    _ => null,
                };
                if (declarator is not null && referenced.Add(declarator) && declarator.Initializer!.Value is not LiteralExpressionSyntax)
                {
                    Mark(declarator.Initializer!.Value);
                }
            }
        }
    }

    /// <summary>True when the text, after white space and SQL comments, begins with a statement keyword.</summary>
    public static bool StartsWithStatementKeyword(string text)
    {
        var start = StripLeadingComments(text);
        return StatementKeywords.Any(k => start.StartsWith(k, StringComparison.Ordinal)
            && (start.Length == k.Length || !char.IsLetterOrDigit(start[k.Length]) && start[k.Length] != '_'));
    }

    /// <summary>Words that only SQL puts in capitals: their presence marks a string as (part of) SQL.</summary>
    public static bool ContainsSqlWords(string text) => SqlWords().IsMatch(text);

    [GeneratedRegex(@"\b(SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE|FROM|WHERE|JOIN|VALUES|ORDER\s+BY|GROUP\s+BY|HAVING|CREATE|ALTER|DROP|EXEC|TRUNCATE|UNION|OFFSET|LIMIT)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SqlWords();

    /// <summary>
    /// What Dapper sends for <c>IN @List</c>: it expands the list into <c>IN (@List1, @List2, ...)</c>. Neither parser
    /// accepts the unexpanded form, so the check does the same expansion (with one element) before parsing.
    /// </summary>
    public static string ExpandDapperLists(string sql) => DapperList().Replace(sql, "IN (${name})");

    [GeneratedRegex(@"\bIN\s+(?<name>@\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex DapperList();

    /// <summary>The @parameters a statement uses (names it declares itself excluded), in order of first use.</summary>
    public static IReadOnlyList<string> Parameters(string sql)
    {
        var withoutStrings = StringLiteral().Replace(sql, "''");
        var declared = Declared().Matches(withoutStrings).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Parameter().Matches(withoutStrings)
            .Select(m => m.Value)
            .Where(p => !p.StartsWith("@@", StringComparison.Ordinal) && !declared.Contains(p))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    [GeneratedRegex(@"(?<!@)@@?\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\bDECLARE\s+(?<name>@\w+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Declared();

    [GeneratedRegex(@"N?'(?:[^']|'')*'", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();

    private static string StripLeadingComments(string text)
    {
        var rest = text.AsSpan();
        while (true)
        {
            rest = rest.TrimStart();
            if (rest.StartsWith("--"))
            {
                var end = rest.IndexOf('\n');
                rest = end < 0 ? [] : rest[(end + 1)..];
            }
            else if (rest.StartsWith("/*"))
            {
                var end = rest.IndexOf("*/");
                rest = end < 0 ? [] : rest[(end + 2)..];
            }
            else
            {
                return rest.ToString();
            }
        }
    }

    private static IEnumerable<ExpressionSyntax> Flatten(ExpressionSyntax expression)
    {
        var inner = expression is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : expression;
        if (inner is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
        {
            return Flatten(binary.Left).Concat(Flatten(binary.Right));
        }

        return [inner];
    }

    /// <summary>A literal appended (+=, StringBuilder) or fed to string.Concat/Format/Join (+ chains are checked whole).</summary>
    private static bool IsPieceOfBuiltString(LiteralExpressionSyntax literal)
    {
        var parent = literal.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        if (parent is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.AddAssignmentExpression))
        {
            return true;
        }

        if (parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } })
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => "",
            };
            return name is "Append" or "AppendLine" or "AppendFormat" or "Insert" or "Concat" or "Format" or "Join";
        }

        return false;
    }

    /// <summary>
    /// True when the literal (or the const/variable it initialises) is the argument of a <c>.Page(...)</c> call
    /// in the same type.
    /// </summary>
    private static bool IsPassedToPage(VariableDeclaratorSyntax declarator, string name)
    {
        var isLocal = declarator.Parent?.Parent is LocalDeclarationStatementSyntax;
        var scope = (isLocal ? declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not TypeDeclarationSyntax) : null)
            ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<TypeDeclarationSyntax>()
            ?? declarator.SyntaxTree.GetRoot();
        return scope.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(invocation =>
            invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Page" }
            && invocation.ArgumentList.Arguments.Count == 1
            && invocation.ArgumentList.Arguments[0].Expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == name,
                _ => false,
            });
    }

    private static bool IsPassedToPage(LiteralExpressionSyntax literal)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (literal.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
        {
            names.Add(declarator.Identifier.ValueText);
        }

        if (literal.Parent is EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property })
        {
            names.Add(property.Identifier.ValueText);
        }

        if (literal.Parent is ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax arrowProperty })
        {
            names.Add(arrowProperty.Identifier.ValueText);
        }

        // A local const is seen only in its own member (two methods may each have a "const string Sql");
        // a field or property anywhere in its type.
        var isLocal = literal.Parent?.Parent?.Parent?.Parent is LocalDeclarationStatementSyntax;
        var scope = (isLocal ? literal.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not TypeDeclarationSyntax) : null)
            ?? (SyntaxNode?)literal.FirstAncestorOrSelf<TypeDeclarationSyntax>()
            ?? literal.SyntaxTree.GetRoot();
        return scope.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(invocation =>
            invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Page" }
            && invocation.ArgumentList.Arguments.Count == 1
            && invocation.ArgumentList.Arguments[0].Expression switch
            {
                IdentifierNameSyntax identifier => names.Contains(identifier.Identifier.ValueText),
                MemberAccessExpressionSyntax member => names.Contains(member.Name.Identifier.ValueText),
                var expression => expression == literal,
            });
    }

    private static string? EnclosingClass(SyntaxNode node) => node.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Identifier.ValueText;

    private static string MemberName(SyntaxNode node)
    {
        var type = EnclosingClass(node) ?? "?";
        var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not TypeDeclarationSyntax) switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            FieldDeclarationSyntax field => field.Declaration.Variables.First().Identifier.ValueText,
            ConstructorDeclarationSyntax => ".ctor",
            _ => null,
        };
        return member is null ? type : type + "." + member;
    }

    /// <summary>The line of the literal's first SQL line: a multi-line raw literal's content starts on the next line.</summary>
    private static int ContentLine(LiteralExpressionSyntax literal)
    {
        var line = literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        return literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) ? line + 1 : line;
    }

    private static SqlEscape Escape(string file, SyntaxNode node)
    {
        var code = node.ToString().ReplaceLineEndings(" ");
        return new SqlEscape(file, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, MemberName(node), code.Length > 160 ? code[..160] + "..." : code);
    }
}
