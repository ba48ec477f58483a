using System.Data.Common;
using System.Globalization;
using Dapper;
using KennisHub.Core.Articles;
using KennisHub.Core.Audit;
using KennisHub.Core.Caching;
using KennisHub.Core.Data;
using KennisHub.Core.Markdown;
using KennisHub.Core.Network;
using KennisHub.Core.Organisations;
using KennisHub.Core.Reading;
using KennisHub.Core.Revisions;
using KennisHub.Core.Themes;
using KennisHub.Core.Search;

namespace KennisHub.Core.Content;

/// <summary>
/// Imports the seed content of content/ (see content/README.md): gemeenten.csv, organisaties/, themas/ and kennis/.
/// Idempotent by slug: new items are added, changed texts get a new revision (append-only) and an updated row,
/// unchanged items are left alone. Every change writes an audit line (actor "Import") in the same transaction.
/// A bad file is reported with a Dutch message naming it and skipped; the rest still imports.
/// </summary>
public sealed class ContentImporter(Db db, MarkdownRenderer renderer)
{
    private readonly ArticleWrites articles = new(db, renderer);
    private readonly ThemeWrites themes = new(db, renderer);

    public const string ActorName = "Import";

    public async Task<ImportSummary> ImportAsync(string folder, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var run = new ImportRun(progress);
        if (!Directory.Exists(folder))
        {
            run.Error(folder, $"De contentmap '{folder}' bestaat niet.");
            return run.Summary();
        }

        try
        {
            await ImportMunicipalitiesAsync(folder, run, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            run.Error("gemeenten.csv", $"gemeenten.csv: databasefout, niets uit dit bestand is opgeslagen: {exception.Message}");
        }

        await ImportFolderAsync(folder, "organisaties", run, (source, file, ct) => ImportOrganisationAsync(source, file, run, ct), cancellationToken).ConfigureAwait(false);
        try
        {
            await ImportNetworkRelationsAsync(folder, run, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            run.Error(NetworksFile, $"{NetworksFile}: databasefout, niets uit dit bestand is opgeslagen: {exception.Message}");
        }

        await ImportFolderAsync(folder, "themas", run, ImportThemeAsync, cancellationToken).ConfigureAwait(false);
        await ImportFolderAsync(folder, "kennis", run, ImportArticleAsync, cancellationToken).ConfigureAwait(false);
        return run.Summary();
    }

    private delegate Task<(ImportOutcome Outcome, string Message)> FileImport(string source, ContentFile file, CancellationToken cancellationToken);

    private static async Task ImportFolderAsync(string root, string name, ImportRun run, FileImport import, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, name);
        if (!Directory.Exists(folder))
        {
            return;
        }

        var files = Directory.EnumerateFiles(folder, "*.md")
            .Where(path => !Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var source = $"{name}/{Path.GetFileName(path)}";
            try
            {
                var file = ContentFile.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
                if (file.FrontMatter.Slug is { } slug && !seen.TryAdd(slug, source))
                {
                    throw new ContentException($"slug '{slug}' komt al voor in {seen[slug]}.");
                }

                var (outcome, message) = await import(source, file, cancellationToken).ConfigureAwait(false);
                run.Report(source, outcome, message);
            }
            catch (ContentException exception)
            {
                run.Error(source, $"{source}: {exception.Message}");
            }
            catch (DbException exception)
            {
                run.Error(source, $"{source}: databasefout: {exception.Message}");
            }
            catch (IOException exception)
            {
                run.Error(source, $"{source}: kan het bestand niet lezen: {exception.Message}");
            }
        }
    }

    // ---- gemeenten.csv ---------------------------------------------------------------------------------------

    private sealed record MunicipalityRow
    {
        public required Guid Id { get; init; }

        public required string Slug { get; init; }

        public required string Name { get; init; }

        public string? CbsCode { get; init; }

        public string? Province { get; init; }

        public int? Inhabitants { get; init; }

        public required int Version { get; init; }
    }

    private async Task ImportMunicipalitiesAsync(string folder, ImportRun run, CancellationToken cancellationToken)
    {
        const string Source = "gemeenten.csv";
        var path = Path.Combine(folder, Source);
        if (!File.Exists(path))
        {
            return;
        }

        const string ExistingSql = """
            SELECT Id, Slug, Name, CbsCode, Province, Inhabitants, Version
            FROM Organisations
            WHERE Kind = @Kind
            """;
        const string InsertSql = """
            INSERT INTO Organisations (Id, Slug, Name, Kind, CbsCode, Province, Inhabitants, Website, DescriptionMarkdown, DescriptionHtml, CreatedAt, UpdatedAt, Version)
            VALUES (@Id, @Slug, @Name, @Kind, @CbsCode, @Province, @Inhabitants, NULL, '', '', @Now, @Now, 1)
            """;
        const string UpdateSql = """
            UPDATE Organisations
            SET Name = @Name, CbsCode = @CbsCode, Province = @Province, Inhabitants = @Inhabitants, UpdatedAt = @Now, Version = Version + 1
            WHERE Id = @Id AND Version = @Version
            """;

        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        if (lines.Length == 0 || !Csv.Split(lines[0]).SequenceEqual(["cbs_code", "naam", "provincie", "inwoners", "peildatum"]))
        {
            run.Error(Source, $"{Source}: de kopregel moet 'cbs_code,naam,provincie,inwoners,peildatum' zijn.");
            return;
        }

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var kind = nameof(OrganisationKind.Municipality);
        var existing = (await connection.QueryAsync<MunicipalityRow>(new CommandDefinition(
                ExistingSql, new { Kind = kind }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(row => row.Slug, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var source = $"{Source} regel {i + 1}";
            var fields = Csv.Split(lines[i]);
            if (fields.Count != 5 || string.IsNullOrWhiteSpace(fields[1])
                || !fields[0].StartsWith("GM", StringComparison.Ordinal)
                || !int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var inhabitants))
            {
                run.Error(source, $"{source}: verwacht cbs_code (GMxxxx), naam, provincie, inwoners (een getal) en peildatum.");
                continue;
            }

            var name = fields[1].Trim();
            var slug = "gemeente-" + Slugs.Slugify(name);
            if (!seen.Add(slug))
            {
                run.Error(source, $"{source}: gemeente '{name}' geeft dezelfde slug '{slug}' als een eerdere regel.");
                continue;
            }

            var row = new { Slug = slug, Name = name, Kind = kind, CbsCode = fields[0], Province = fields[2].Trim(), Inhabitants = inhabitants, Now = DateTimeOffset.UtcNow };
            if (!existing.TryGetValue(slug, out var current))
            {
                var id = Guid.NewGuid();
                await connection.ExecuteAsync(new CommandDefinition(InsertSql, new { Id = id, row.Slug, row.Name, row.Kind, row.CbsCode, row.Province, row.Inhabitants, row.Now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await AuditAsync(connection, transaction, "organisation.created", "Organisation", id, $"Gemeente {name} geïmporteerd uit {Source}", null, cancellationToken).ConfigureAwait(false);
                run.Created(id);
                run.Report(source, ImportOutcome.New, $"gemeente {name}");
                continue;
            }

            var changes = new FieldChanges();
            changes.Value("naam", current.Name, row.Name);
            changes.Value("CBS-code", current.CbsCode, row.CbsCode);
            changes.Value("provincie", current.Province, row.Province);
            changes.Value("inwoners", current.Inhabitants, row.Inhabitants);
            if (changes.None)
            {
                run.Report(source, ImportOutcome.Unchanged, $"gemeente {name}");
                continue;
            }

            await UpdateAsync(connection, transaction, UpdateSql, new { current.Id, current.Version, row.Name, row.CbsCode, row.Province, row.Inhabitants, row.Now }, cancellationToken).ConfigureAwait(false);
            await AuditAsync(connection, transaction, "organisation.updated", "Organisation", current.Id, $"Gemeente {name} bijgewerkt vanuit {Source}: {changes}", null, cancellationToken).ConfigureAwait(false);
            run.Report(source, ImportOutcome.Changed, $"gemeente {name}: {changes}");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    // ---- organisaties/ ---------------------------------------------------------------------------------------

    private sealed record OrganisationRow
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required string Kind { get; init; }

        public string? Website { get; init; }

        public required string DescriptionMarkdown { get; init; }

        public required string DescriptionHtml { get; init; }

        public DateTimeOffset? ProfileEditedAt { get; init; }

        public required int Version { get; init; }
    }

    private async Task<(ImportOutcome, string)> ImportOrganisationAsync(string source, ContentFile file, ImportRun run, CancellationToken cancellationToken)
    {
        const string BySlugSql = """
            SELECT Id, Name, Kind, Website, DescriptionMarkdown, DescriptionHtml, ProfileEditedAt, Version
            FROM Organisations
            WHERE Slug = @Slug
            """;
        const string ByCbsCodeSql = """
            SELECT Id, Name, Kind, Website, DescriptionMarkdown, DescriptionHtml, ProfileEditedAt, Version
            FROM Organisations
            WHERE CbsCode = @CbsCode AND Kind = @Kind
            """;
        const string InsertSql = """
            INSERT INTO Organisations (Id, Slug, Name, Kind, CbsCode, Province, Inhabitants, Website, DescriptionMarkdown, DescriptionHtml, CreatedAt, UpdatedAt, Version)
            VALUES (@Id, @Slug, @Name, @Kind, NULL, NULL, NULL, @Website, @DescriptionMarkdown, @DescriptionHtml, @Now, @Now, 1)
            """;
        const string UpdateSql = """
            UPDATE Organisations
            SET Name = @Name, Kind = @Kind, Website = @Website, DescriptionMarkdown = @DescriptionMarkdown, DescriptionHtml = @DescriptionHtml,
                UpdatedAt = @Now, Version = Version + 1
            WHERE Id = @Id AND Version = @Version
            """;

        var fm = file.FrontMatter;
        var website = ValidWebsite(fm.Website);
        var description = renderer.Render(file.Body);

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        OrganisationRow? current;
        string slug, name, kind;
        if (!string.IsNullOrWhiteSpace(fm.CbsCode))
        {
            // A municipality's file enriches its row from gemeenten.csv; name, slug and kind stay as the CSV made them.
            current = await connection.QuerySingleOrDefaultAsync<OrganisationRow>(new CommandDefinition(
                    ByCbsCodeSql, new { fm.CbsCode, Kind = nameof(OrganisationKind.Municipality) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
                ?? throw new ContentException($"geen gemeente met CBS-code '{fm.CbsCode}' in gemeenten.csv.");
            slug = fm.Slug ?? string.Empty;
            name = current.Name;
            kind = current.Kind;
        }
        else
        {
            slug = RequireSlug(fm.Slug);
            name = Require(fm.Name, "name");
            kind = ParseName<OrganisationKind>(fm.Kind, "kind", "soort organisatie");
            current = await connection.QuerySingleOrDefaultAsync<OrganisationRow>(new CommandDefinition(
                BySlugSql, new { Slug = slug }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var now = DateTimeOffset.UtcNow;
        if (current is null)
        {
            var id = Guid.NewGuid();
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                Id = id, Slug = slug, Name = name, Kind = kind, Website = website,
                DescriptionMarkdown = file.Body, DescriptionHtml = description.Html, Now = now,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await AuditAsync(connection, transaction, "organisation.created", "Organisation", id, $"Organisatie {name} geïmporteerd uit {source}", null, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (ImportOutcome.New, $"organisatie {name}");
        }

        // A profile its contact persons saved in the site is theirs: the file seeded it and no longer overwrites it.
        var keptBySite = current.ProfileEditedAt is not null;
        var markdown = keptBySite ? current.DescriptionMarkdown : file.Body;
        var html = keptBySite ? current.DescriptionHtml : description.Html;
        website = keptBySite ? current.Website : website;
        var kept = keptBySite && (current.DescriptionMarkdown != file.Body || current.Website != ValidWebsite(fm.Website))
            ? " (beschrijving en website zijn in de site bewerkt en blijven zoals ze daar staan)"
            : string.Empty;

        var changes = new FieldChanges();
        changes.Value("naam", current.Name, name);
        changes.Value("soort", current.Kind, kind);
        changes.Value("website", current.Website, website);
        changes.Value("beschrijving", current.DescriptionMarkdown, markdown);
        changes.Value("opmaak", current.DescriptionHtml, html);
        if (changes.None)
        {
            return (ImportOutcome.Unchanged, $"organisatie {name}{kept}");
        }

        await UpdateAsync(connection, transaction, UpdateSql, new
        {
            current.Id, current.Version, Name = name, Kind = kind, Website = website,
            DescriptionMarkdown = markdown, DescriptionHtml = html, Now = now,
        }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(connection, transaction, "organisation.updated", "Organisation", current.Id, $"Organisatie {name} bijgewerkt vanuit {source}: {changes}", null, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return run.IsCreated(current.Id)
            ? (ImportOutcome.Enriched, $"organisatie {name}: {changes} aangevuld")
            : (ImportOutcome.Changed, $"organisatie {name}: {changes}");
    }

    // ---- netwerken.csv -----------------------------------------------------------------------------------------

    private const string NetworksFile = "netwerken.csv";

    private sealed record OrganisationKey
    {
        public required Guid Id { get; init; }

        public required string Slug { get; init; }

        public string? CbsCode { get; init; }

        public required string Name { get; init; }

        public required string Kind { get; init; }
    }

    /// <summary>
    /// content/netwerken.csv: which organisation is a member of which network, since when and on what source. One
    /// transaction for the file, through <see cref="NetworkWrites.ImportAsync"/>, which leaves relations the site added
    /// or ended alone. A relation that is no longer in the file is not ended: ending is a decision made in the site.
    /// </summary>
    private async Task ImportNetworkRelationsAsync(string folder, ImportRun run, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, NetworksFile);
        if (!File.Exists(path))
        {
            return;
        }

        const string OrganisationsSql = "SELECT Id, Slug, CbsCode, Name, Kind FROM Organisations";
        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        if (lines.Length == 0 || !Csv.Split(lines[0]).SequenceEqual(["netwerk", "lid", "sinds", "bron"]))
        {
            run.Error(NetworksFile, $"{NetworksFile}: de kopregel moet 'netwerk,lid,sinds,bron' zijn.");
            return;
        }

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var organisations = (await connection.QueryAsync<OrganisationKey>(new CommandDefinition(
            OrganisationsSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var bySlug = organisations.ToDictionary(o => o.Slug, StringComparer.Ordinal);
        var byCbsCode = organisations.Where(o => o.CbsCode is not null).GroupBy(o => o.CbsCode!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<(Guid, Guid)>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var source = $"{NetworksFile} regel {i + 1}";
            try
            {
                var fields = Csv.Split(lines[i]);
                if (fields.Count != 4)
                {
                    throw new ContentException("verwacht vier velden: netwerk (slug), lid (slug of CBS-code), sinds (jjjj-mm-dd of leeg) en bron.");
                }

                var network = bySlug.GetValueOrDefault(fields[0].Trim())
                    ?? throw new ContentException($"netwerk '{fields[0]}' bestaat niet (geen bestand organisaties/{fields[0].Trim()}.md).");
                if (!Enum.TryParse<OrganisationKind>(network.Kind, out var networkKind) || !NetworkKinds.HasMembers(networkKind))
                {
                    throw new ContentException($"'{network.Slug}' is geen netwerk of vereniging (soort {network.Kind}) en heeft dus geen leden.");
                }

                var key = fields[1].Trim();
                var member = (key.StartsWith("GM", StringComparison.Ordinal) ? byCbsCode.GetValueOrDefault(key) : bySlug.GetValueOrDefault(key))
                    ?? throw new ContentException($"lid '{key}' bestaat niet (geen organisatie met die slug of CBS-code).");
                if (member.Id == network.Id)
                {
                    throw new ContentException($"'{network.Slug}' kan geen lid van zichzelf zijn.");
                }

                if (!seen.Add((network.Id, member.Id)))
                {
                    throw new ContentException($"{member.Name} staat al eerder als lid van {network.Name} in dit bestand.");
                }

                var since = WrittenDay(fields[2], "sinds");
                var sourceText = fields[3].Trim();
                if (sourceText.Length == 0)
                {
                    throw new ContentException("'bron' ontbreekt: noem de openbare bron van deze relatie.");
                }

                var outcome = await NetworkWrites.ImportAsync(connection, transaction, network.Id, member.Id, since, sourceText, ActorName, cancellationToken).ConfigureAwait(false);
                var relation = $"{member.Name} lid van {network.Name}";
                run.Report(source, outcome switch
                {
                    RelationImport.Added => ImportOutcome.New,
                    RelationImport.Updated => ImportOutcome.Changed,
                    _ => ImportOutcome.Unchanged,
                }, outcome == RelationImport.KeptBySite ? relation + " (in de site gewijzigd; het bestand overschrijft dat niet)" : relation);
            }
            catch (ContentException exception)
            {
                run.Error(source, $"{source}: {exception.Message}");
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    // ---- themas/ ---------------------------------------------------------------------------------------------

    /// <summary>What an item looks like now, to tell an unchanged file from a changed one before writing.</summary>
    private sealed record TextRow
    {
        public required Guid Id { get; init; }

        public required string Title { get; init; }

        public required string Summary { get; init; }

        public required string BodyMarkdown { get; init; }

        public required string BodyHtml { get; init; }

        public required string Visibility { get; init; }

        public string Status { get; init; } = nameof(ThemeStatus.Active);

        public Guid? LeadOrganisationId { get; init; }

        public Guid? OrganisationId { get; init; }

        public string? AuthorName { get; init; }

        public DateTimeOffset? WrittenAt { get; init; }

        public required int CurrentRevision { get; init; }
    }

    private async Task<(ImportOutcome, string)> ImportThemeAsync(string source, ContentFile file, CancellationToken cancellationToken)
    {
        const string ExistingSql = """
            SELECT t.Id, t.Title, t.Summary, b.BodyMarkdown, b.BodyHtml, t.Visibility, t.Status, t.LeadOrganisationId, t.CurrentRevision
            FROM Themes t
            INNER JOIN ThemeBodies b ON b.ThemeId = t.Id
            WHERE t.Slug = @Slug
            """;
        const string KeywordSlugsSql = """
            SELECT k.Slug FROM ThemeKeywords tk INNER JOIN Keywords k ON k.Id = tk.KeywordId WHERE tk.ThemeId = @Id
            """;

        var fm = file.FrontMatter;
        var slug = RequireSlug(fm.Slug);
        var title = Require(fm.Title, "title");
        var summary = fm.Summary?.Trim() ?? string.Empty;
        var visibility = ParseName<Visibility>(fm.Visibility ?? nameof(Visibility.Public), "visibility", "zichtbaarheid");
        var keywords = KeywordNames(fm.Keywords);
        var body = renderer.Render(file.Body);

        TextRow? current;
        IEnumerable<string> currentKeywords = [];
        await using (var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            current = await connection.QuerySingleOrDefaultAsync<TextRow>(new CommandDefinition(
                ExistingSql, new { Slug = slug }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (current is not null)
            {
                currentKeywords = await connection.QueryAsync<string>(new CommandDefinition(
                    KeywordSlugsSql, new { current.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }

        var fields = new ThemeFields
        {
            Title = title, Slug = slug, Summary = summary, Body = file.Body, Visibility = visibility, Keywords = keywords,
            Status = current?.Status ?? nameof(ThemeStatus.Active), LeadOrganisationId = current?.LeadOrganisationId,
        };
        if (current is null)
        {
            Expect(await themes.CreateAsync(new CreateTheme(Guid.NewGuid(), fields, Writer.Import, $"Geïmporteerd uit {source}"), cancellationToken).ConfigureAwait(false));
            return (ImportOutcome.New, $"thema {title}");
        }

        var changes = CompareText(current, title, summary, file.Body, body.Html, visibility);
        changes.Set("trefwoorden", currentKeywords, keywords.Select(Slugs.Slugify));
        if (changes.None)
        {
            return (ImportOutcome.Unchanged, $"thema {title}");
        }

        Expect(await themes.UpdateAsync(new UpdateTheme(current.Id, current.CurrentRevision, fields, Writer.Import, $"Bijgewerkt vanuit {source}"), cancellationToken).ConfigureAwait(false));
        return (ImportOutcome.Changed, $"thema {title}: {changes}");
    }

    // ---- kennis/ ---------------------------------------------------------------------------------------------

    private async Task<(ImportOutcome, string)> ImportArticleAsync(string source, ContentFile file, CancellationToken cancellationToken)
    {
        const string ExistingSql = """
            SELECT a.Id, a.Title, a.Summary, b.BodyMarkdown, b.BodyHtml, a.Visibility, a.OrganisationId, a.AuthorName, a.WrittenAt, a.CurrentRevision
            FROM Articles a
            INNER JOIN ArticleBodies b ON b.ArticleId = a.Id
            WHERE a.Slug = @Slug
            """;
        const string OrganisationSql = "SELECT Id FROM Organisations WHERE Slug = @Slug";
        const string ThemeSql = "SELECT Id FROM Themes WHERE Slug = @Slug";
        const string KeywordSlugsSql = """
            SELECT k.Slug FROM ArticleKeywords ak INNER JOIN Keywords k ON k.Id = ak.KeywordId WHERE ak.ArticleId = @Id
            """;
        const string ThemeIdsSql = "SELECT ThemeId FROM ArticleThemes WHERE ArticleId = @Id";

        var fm = file.FrontMatter;
        var slug = RequireSlug(fm.Slug);
        var title = Require(fm.Title, "title");
        var summary = fm.Summary?.Trim() ?? string.Empty;
        var visibility = ParseName<Visibility>(fm.Visibility ?? nameof(Visibility.Public), "visibility", "zichtbaarheid");
        var author = string.IsNullOrWhiteSpace(fm.Author) ? null : fm.Author.Trim();
        var written = WrittenDay(fm.Written);
        var keywords = KeywordNames(fm.Keywords);
        var body = renderer.Render(file.Body);

        Guid? organisationId = null;
        var themeIds = new List<Guid>();
        TextRow? current;
        IEnumerable<string> currentKeywords = [];
        IEnumerable<Guid> currentThemes = [];
        await using (var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrWhiteSpace(fm.Organisation))
            {
                organisationId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
                        OrganisationSql, new { Slug = fm.Organisation.Trim() }, cancellationToken: cancellationToken)).ConfigureAwait(false)
                    ?? throw new ContentException($"organisatie '{fm.Organisation}' bestaat niet (geen bestand organisaties/{fm.Organisation}.md en geen gemeente met die slug).");
            }

            foreach (var themeSlug in (fm.Themes ?? []).Select(t => t.Trim()).Distinct(StringComparer.Ordinal))
            {
                themeIds.Add(await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
                        ThemeSql, new { Slug = themeSlug }, cancellationToken: cancellationToken)).ConfigureAwait(false)
                    ?? throw new ContentException($"thema '{themeSlug}' bestaat niet (geen bestand themas/{themeSlug}.md)."));
            }

            current = await connection.QuerySingleOrDefaultAsync<TextRow>(new CommandDefinition(
                ExistingSql, new { Slug = slug }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (current is not null)
            {
                currentKeywords = await connection.QueryAsync<string>(new CommandDefinition(
                    KeywordSlugsSql, new { current.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
                currentThemes = await connection.QueryAsync<Guid>(new CommandDefinition(
                    ThemeIdsSql, new { current.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }

        var fields = new ArticleFields
        {
            Title = title, Slug = slug, Summary = summary, Body = file.Body, Visibility = visibility, OrganisationId = organisationId,
            ThemeIds = themeIds, Keywords = keywords, Byline = new ArticleByline(author, written),
        };
        if (current is null)
        {
            Expect(await articles.CreateAsync(new CreateArticle(Guid.NewGuid(), fields, Writer.Import, $"Geïmporteerd uit {source}"), cancellationToken).ConfigureAwait(false));
            return (ImportOutcome.New, $"kennisartikel {title}");
        }

        var changes = CompareText(current, title, summary, file.Body, body.Html, visibility);
        changes.Value("organisatie", current.OrganisationId, organisationId);
        changes.Value("auteur", current.AuthorName, author);
        changes.Value("geschreven", current.WrittenAt, written);
        changes.Set("thema's", currentThemes.Select(g => g.ToString()), themeIds.Select(g => g.ToString()));
        changes.Set("trefwoorden", currentKeywords, keywords.Select(Slugs.Slugify));
        if (changes.None)
        {
            return (ImportOutcome.Unchanged, $"kennisartikel {title}");
        }

        Expect(await articles.UpdateAsync(new UpdateArticle(current.Id, current.CurrentRevision, fields, Writer.Import, $"Bijgewerkt vanuit {source}"), cancellationToken).ConfigureAwait(false));
        return (ImportOutcome.Changed, $"kennisartikel {title}: {changes}");
    }

    /// <summary>
    /// The importer writes through the same handlers as the editor. A file is the whole truth about its item, so an
    /// edit saved in the site since the last import is not merged away silently: that comes back as a conflict.
    /// </summary>
    private static void Expect(WriteResult result)
    {
        switch (result)
        {
            case Saved or Merged:
                return;
            case Invalid invalid:
                throw new ContentException(string.Join(" ", invalid.Errors.Select(e => e.Describe())));
            default:
                throw new ContentException("bewerkingsconflict: dit item is in de site gewijzigd sinds de vorige import, op dezelfde plaats als het bestand. Neem de wijziging over in het bestand en importeer opnieuw.");
        }
    }

    // ---- shared helpers --------------------------------------------------------------------------------------

    private static FieldChanges CompareText(TextRow current, string title, string summary, string markdown, string html, string visibility)
    {
        var changes = new FieldChanges();
        changes.Text("titel", current.Title, title);
        changes.Text("samenvatting", current.Summary, summary);
        changes.Text("tekst", current.BodyMarkdown, markdown);
        changes.Value("opmaak", current.BodyHtml, html);
        changes.Value("zichtbaarheid", current.Visibility, visibility);
        return changes;
    }

    private static async Task UpdateAsync(DbConnection connection, DbTransaction transaction, string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (rows == 0)
        {
            throw new ContentException("bewerkingsconflict: iemand anders wijzigde dit tegelijk. Voer de import opnieuw uit.");
        }
    }

    private static async Task AuditAsync(DbConnection connection, DbTransaction transaction, string action, string subjectKind, Guid subjectId, string summary,
        (int Old, int New)? revisions, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(action, subjectKind, subjectId, summary, null, ActorName,
            revisions is { } r && r.Old != r.New ? $"versie {r.Old}" : null,
            revisions is { } n && n.Old != n.New ? $"versie {n.New}" : null);
        await AuditLog.WriteAsync(connection, transaction, entry, cancellationToken).ConfigureAwait(false);
        // Every imported item is searchable (article, theme, organisation): the index changes in the same transaction.
        await SearchIndex.UpsertAsync(connection, transaction, subjectKind, subjectId, cancellationToken).ConfigureAwait(false);
        await ContentVersion.BumpAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
    }

    private static string RequireSlug(string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            throw new ContentException("'slug' ontbreekt.");
        }

        return Slugs.IsValid(slug)
            ? slug
            : throw new ContentException($"slug '{slug}' is ongeldig: gebruik alleen kleine letters, cijfers en enkele koppeltekens (bijvoorbeeld 'wijkgericht-beheer').");
    }

    private static string Require(string? value, string field)
        => string.IsNullOrWhiteSpace(value) ? throw new ContentException($"'{field}' ontbreekt.") : value.Trim();

    private static string ParseName<TEnum>(string? value, string field, string dutchName)
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ContentException($"'{field}' ontbreekt (kies {string.Join(", ", names)}).");
        }

        return names.FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ContentException($"onbekende {dutchName} '{value}' bij '{field}' (kies {string.Join(", ", names)}).");
    }

    /// <summary>The day a text was written (yyyy-MM-dd), stored as midnight UTC of that day; not in the future.</summary>
    private static DateTimeOffset? WrittenDay(string? written, string field = "written")
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(written.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new ContentException($"'{field}' is '{written}': schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2024-05-01.");
        }

        var moment = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return moment > DateTimeOffset.UtcNow ? throw new ContentException($"'{field}' ({written}) ligt in de toekomst.") : moment;
    }

    private static string? ValidWebsite(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return null;
        }

        return Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? website.Trim()
            : throw new ContentException($"website '{website}' is geen http- of https-adres.");
    }

    private static List<string> KeywordNames(List<string>? keywords)
    {
        var names = new List<string>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keyword in keywords ?? [])
        {
            var name = keyword?.Trim() ?? string.Empty;
            var slug = Slugs.Slugify(name);
            if (slug.Length == 0)
            {
                throw new ContentException($"trefwoord '{keyword}' bevat geen letters of cijfers.");
            }

            if (slugs.Add(slug))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The tally of one run, reporting each step as it happens.</summary>
    private sealed class ImportRun(IProgress<ImportProgress>? progress)
    {
        private readonly List<ImportError> errors = [];
        private readonly HashSet<Guid> created = [];
        private int added;
        private int changed;
        private int unchanged;

        public void Report(string source, ImportOutcome outcome, string message)
        {
            switch (outcome)
            {
                case ImportOutcome.New:
                    added++;
                    break;
                case ImportOutcome.Changed:
                    changed++;
                    break;
                case ImportOutcome.Unchanged:
                    unchanged++;
                    break;
                case ImportOutcome.Enriched:
                    break;
                default:
                    errors.Add(new ImportError(source, message));
                    break;
            }

            progress?.Report(new ImportProgress(source, outcome, message));
        }

        public void Error(string source, string message) => Report(source, ImportOutcome.Error, message);

        /// <summary>An item this run added, so that a later file adding to it is no change of something that existed.</summary>
        public void Created(Guid id) => created.Add(id);

        public bool IsCreated(Guid id) => created.Contains(id);

        public ImportSummary Summary() => new(added, changed, unchanged, errors);
    }
}
