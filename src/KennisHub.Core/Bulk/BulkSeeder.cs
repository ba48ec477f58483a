using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Dapper;
using KennisHub.Core.Audit;
using KennisHub.Core.Content;
using KennisHub.Core.Data;
using KennisHub.Core.Identity;
using KennisHub.Core.Markdown;
using KennisHub.Core.Reading;
using KennisHub.Core.Revisions;

namespace KennisHub.Core.Bulk;

/// <summary>What <see cref="BulkSeeder"/> makes. Defaults are a small site; the benchmark uses 100,000 articles.</summary>
public sealed record BulkSeedOptions
{
    public int Articles { get; init; } = 1_000;

    public int Themes { get; init; } = 50;

    public int Organisations { get; init; } = 40;

    public int Members { get; init; } = 200;

    public int Seed { get; init; } = 20261201;

    public int MinWords { get; init; } = 600;

    public int MaxWords { get; init; } = 2_000;

    /// <summary>Rows per transaction: large enough to be fast, small enough that readers are not held up long.</summary>
    public int BatchSize { get; init; } = 2_000;

    /// <summary>One Identity password hash (computed once by the caller) shared by every generated member.</summary>
    public required string PasswordHash { get; init; }
}

/// <summary>Where a run is: the stage (in Dutch, for the progress bar), how far, out of how many.</summary>
public sealed record BulkSeedProgress(string Stage, int Done, int Total);

public sealed record BulkSeedSummary(int Organisations, int Members, int Themes, int Articles, int Revisions, TimeSpan Elapsed);

/// <summary>The database already holds a bulk corpus, or lacks what the corpus needs (roles).</summary>
public sealed class BulkSeedException(string message) : Exception(message);

/// <summary>
/// Fills a database (fresh or with content) with a generated corpus for benchmarks: organisations, approved
/// members with roles and memberships, themes and articles with revisions, theme and keyword links. Text comes
/// from <see cref="DutchTextGenerator"/> and goes through the real <see cref="MarkdownRenderer"/> (in parallel, on
/// every core); rows are written by one writer in large transactions with prepared commands reused across rows,
/// each transaction with its audit line. Every INSERT of the corpus is in this class. Refuses a database that was
/// filled before (an audit line with <see cref="AuditAction"/> exists), so a second run changes nothing, and one
/// with accounts of its own (it makes a Beheerder with a known password: benchmark databases only).
/// </summary>
public sealed class BulkSeeder(Db db, MarkdownRenderer renderer)
{
    public const string AuditAction = "bulk.seeded";
    public const string ActorName = "seed-bulk";

    /// <summary>Generated slugs end in "-b" and the item's number, so they never meet content/ slugs.</summary>
    public static string Slug(string title, int index) => $"{Slugs.Slugify(title)}-b{index}";

    // The corpus's clock: fixed, so a seed always makes the same dates.
    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private const string InsertOrganisationSql = """
        INSERT INTO Organisations (Id, Slug, Name, Kind, CbsCode, Province, Inhabitants, Website, DescriptionMarkdown, DescriptionHtml, CreatedAt, UpdatedAt, Version)
        VALUES (@Id, @Slug, @Name, @Kind, NULL, NULL, NULL, NULL, @DescriptionMarkdown, @DescriptionHtml, @CreatedAt, @CreatedAt, 1)
        """;

    private const string InsertUserSql = """
        INSERT INTO Users (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp,
                           PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnd, LockoutEnabled, AccessFailedCount, DisplayName,
                           ApprovalStatus, LastAuthenticatorTimeStep, CreatedAt)
        VALUES (@Id, @Email, @NormalizedEmail, @Email, @NormalizedEmail, 1, @PasswordHash, @SecurityStamp, @ConcurrencyStamp,
                NULL, 0, 0, NULL, 1, 0, @DisplayName, @ApprovalStatus, NULL, @CreatedAt)
        """;

    private const string InsertUserRoleSql = "INSERT INTO UserRoles (UserId, RoleId) VALUES (@UserId, @RoleId)";

    private const string InsertMembershipSql = """
        INSERT INTO Memberships (UserId, OrganisationId, IsContactPerson, JobTitle, CreatedAt)
        VALUES (@UserId, @OrganisationId, @IsContactPerson, @JobTitle, @CreatedAt)
        """;

    private const string InsertKeywordSql = "INSERT INTO Keywords (Id, Slug, Name) VALUES (@Id, @Slug, @Name)";

    private const string InsertThemeSql = """
        INSERT INTO Themes (Id, Slug, Title, Summary, Visibility, CurrentRevision, CreatedById, CreatedAt, UpdatedAt, Version)
        VALUES (@Id, @Slug, @Title, @Summary, @Visibility, @CurrentRevision, @CreatedById, @CreatedAt, @UpdatedAt, @Version)
        """;

    private const string InsertThemeBodySql = """
        INSERT INTO ThemeBodies (ThemeId, BodyMarkdown, BodyHtml, BodyText)
        VALUES (@ThemeId, @BodyMarkdown, @BodyHtml, @BodyText)
        """;

    private const string InsertThemeKeywordSql = "INSERT INTO ThemeKeywords (ThemeId, KeywordId) VALUES (@ThemeId, @KeywordId)";

    private const string InsertArticleSql = """
        INSERT INTO Articles (Id, Slug, Title, Summary, Visibility, OrganisationId, AuthorId, AuthorName, CurrentRevision, CreatedAt, UpdatedAt, Version)
        VALUES (@Id, @Slug, @Title, @Summary, @Visibility, @OrganisationId, @AuthorId, @AuthorName, @CurrentRevision, @CreatedAt, @UpdatedAt, @Version)
        """;

    private const string InsertArticleBodySql = """
        INSERT INTO ArticleBodies (ArticleId, BodyMarkdown, BodyHtml, BodyText)
        VALUES (@ArticleId, @BodyMarkdown, @BodyHtml, @BodyText)
        """;

    private const string InsertArticleThemeSql = "INSERT INTO ArticleThemes (ArticleId, ThemeId) VALUES (@ArticleId, @ThemeId)";

    private const string InsertArticleKeywordSql = "INSERT INTO ArticleKeywords (ArticleId, KeywordId) VALUES (@ArticleId, @KeywordId)";

    private const string InsertRevisionSql = """
        INSERT INTO Revisions (Id, SubjectKind, SubjectId, Number, Title, Markdown, Summary, ChangeSummary, AuthorId, CreatedAt,
                               Fingerprint, Length, LengthChange)
        VALUES (@Id, @SubjectKind, @SubjectId, @Number, @Title, @Markdown, @Summary, @ChangeSummary, @AuthorId, @CreatedAt,
                @Fingerprint, @Length, @LengthChange)
        """;

    public async Task<BulkSeedSummary> SeedAsync(BulkSeedOptions options, IProgress<BulkSeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Organisations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Members, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Themes);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Articles);
        var clock = Stopwatch.StartNew();
        var generator = new DutchTextGenerator(options.Seed);
        var context = await PrepareAsync(generator, cancellationToken).ConfigureAwait(false);

        var organisations = await SeedOrganisationsAsync(generator, options, progress, cancellationToken).ConfigureAwait(false);
        var members = await SeedMembersAsync(generator, options, context, organisations, progress, cancellationToken).ConfigureAwait(false);
        var themes = new Guid[options.Themes];
        var revisions = await SeedTextsAsync(TextKind.Theme, generator, options, context, organisations, members, themes, progress, cancellationToken).ConfigureAwait(false);
        revisions += await SeedTextsAsync(TextKind.Article, generator, options, context, organisations, members, themes, progress, cancellationToken).ConfigureAwait(false);
        return new BulkSeedSummary(options.Organisations, options.Members, options.Themes, options.Articles, revisions, clock.Elapsed);
    }

    private sealed record SeedContext(IReadOnlyDictionary<string, Guid> RoleIds, IReadOnlyDictionary<string, Guid> KeywordIds);

    private enum TextKind
    {
        Theme,
        Article,
    }

    /// <summary>Refuses a database that was filled before; reads the roles and makes the keywords (one transaction).</summary>
    private async Task<SeedContext> PrepareAsync(DutchTextGenerator generator, CancellationToken cancellationToken)
    {
        const string SeededSql = "SELECT MIN(OccurredAt) FROM AuditLog WHERE Action = @Action";
        const string AccountsSql = "SELECT COUNT(*) FROM Users WHERE NormalizedEmail IS NULL OR NormalizedEmail NOT LIKE @BulkDomain";
        const string RolesSql = "SELECT Id, Name FROM Roles";
        const string KeywordsSql = "SELECT Id, Slug FROM Keywords";

        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var seededAt = await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            SeededSql, new { Action = AuditAction }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (seededAt is { } at)
        {
            throw new BulkSeedException(
                $"Deze database is al gevuld met seed-bulk (op {at.ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("nl-NL"))} UTC). "
                + "Er is niets veranderd. Vul een nieuwe database: geef een ander bestand op met Database:ConnectionString.");
        }

        // seed-bulk makes a Beheerder with a password on the command line: never next to real accounts.
        var accounts = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            AccountsSql, new { BulkDomain = "%@" + DutchTextGenerator.MemberDomain.ToUpperInvariant() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (accounts > 0)
        {
            throw new BulkSeedException(
                $"Deze database heeft al {accounts} account(s). seed-bulk maakt een Beheerder en duizenden leden met één bekend wachtwoord "
                + "en is alleen voor benchmarkdatabases: er is niets veranderd. Vul een nieuwe database (Database:ConnectionString).");
        }

        var roles = (await connection.QueryAsync<(Guid Id, string Name)>(new CommandDefinition(RolesSql, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.Name, r => r.Id, StringComparer.Ordinal);
        var missing = RoleNames.All.Where(name => !roles.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new BulkSeedException($"De rollen {string.Join(", ", missing)} ontbreken: start de site eenmaal of voer 'migrate' uit en probeer het opnieuw.");
        }

        var keywords = (await connection.QueryAsync<(Guid Id, string Slug)>(new CommandDefinition(KeywordsSql, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(k => k.Slug, k => k.Id, StringComparer.Ordinal);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = new PreparedInsert(connection, transaction, InsertKeywordSql, "Id", "Slug", "Name");
        var added = 0;
        foreach (var name in generator.Corpus.Keywords)
        {
            var slug = Slugs.Slugify(name);
            if (!keywords.ContainsKey(slug))
            {
                var id = Guid.NewGuid();
                await insert.ExecuteAsync(cancellationToken, id, slug, name).ConfigureAwait(false);
                keywords[slug] = id;
                added++;
            }
        }

        await AuditAsync(connection, transaction, "Keyword", $"seed-bulk: {added} trefwoorden toegevoegd", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SeedContext(roles, keywords);
    }

    private async Task<Guid[]> SeedOrganisationsAsync(DutchTextGenerator generator, BulkSeedOptions options, IProgress<BulkSeedProgress>? progress, CancellationToken cancellationToken)
    {
        const string Stage = "Organisaties";
        var ids = new Guid[options.Organisations];
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = new PreparedInsert(connection, transaction, InsertOrganisationSql,
            "Id", "Slug", "Name", "Kind", "DescriptionMarkdown", "DescriptionHtml", "CreatedAt");
        for (var i = 0; i < ids.Length; i++)
        {
            var organisation = generator.Organisation(i);
            ids[i] = Guid.NewGuid();
            var html = renderer.Render(organisation.DescriptionMarkdown).Html;
            await insert.ExecuteAsync(cancellationToken, ids[i], Slug(organisation.Name, i), organisation.Name, organisation.Kind.ToString(),
                organisation.DescriptionMarkdown, html, Epoch.AddDays(-2_000 + i % 1_000)).ConfigureAwait(false);
            progress?.Report(new BulkSeedProgress(Stage, i + 1, ids.Length));
        }

        await AuditAsync(connection, transaction, "Organisation", $"seed-bulk: {ids.Length} organisaties toegevoegd", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ids;
    }

    /// <summary>Members: every one approved Netwerklid; every 20th also Atelierlid, every 50th Lobbyteam, the first Beheerder.</summary>
    private async Task<(Guid Id, string Name)[]> SeedMembersAsync(DutchTextGenerator generator, BulkSeedOptions options, SeedContext context,
        Guid[] organisations, IProgress<BulkSeedProgress>? progress, CancellationToken cancellationToken)
    {
        const string Stage = "Leden";
        var members = new (Guid Id, string Name)[options.Members];
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        for (var start = 0; start < members.Length; start += options.BatchSize)
        {
            var end = Math.Min(members.Length, start + options.BatchSize);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var insertUser = new PreparedInsert(connection, transaction, InsertUserSql,
                "Id", "Email", "NormalizedEmail", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "DisplayName", "ApprovalStatus", "CreatedAt");
            await using var insertRole = new PreparedInsert(connection, transaction, InsertUserRoleSql, "UserId", "RoleId");
            await using var insertMembership = new PreparedInsert(connection, transaction, InsertMembershipSql,
                "UserId", "OrganisationId", "IsContactPerson", "JobTitle", "CreatedAt");
            for (var i = start; i < end; i++)
            {
                var member = generator.Member(i);
                var id = Guid.NewGuid();
                members[i] = (id, member.DisplayName);
                var createdAt = Epoch.AddDays(-1_500 + i % 1_400);
                await insertUser.ExecuteAsync(cancellationToken, id, member.Email, member.Email.ToUpperInvariant(), options.PasswordHash,
                    Guid.NewGuid().ToString("N").ToUpperInvariant(), Guid.NewGuid().ToString(), member.DisplayName, nameof(ApprovalStatus.Approved), createdAt).ConfigureAwait(false);
                foreach (var role in RolesOf(i))
                {
                    await insertRole.ExecuteAsync(cancellationToken, id, context.RoleIds[role]).ConfigureAwait(false);
                }

                await insertMembership.ExecuteAsync(cancellationToken, id, organisations[i % organisations.Length], i < organisations.Length,
                    DutchCorpus.Roles[i % DutchCorpus.Roles.Length], createdAt).ConfigureAwait(false);
            }

            await AuditAsync(connection, transaction, "User", $"seed-bulk: leden {start + 1}-{end} toegevoegd", cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report(new BulkSeedProgress(Stage, end, members.Length));
        }

        return members;
    }

    /// <summary>The roles of generated member <paramref name="index"/>.</summary>
    public static IReadOnlyList<string> RolesOf(int index)
    {
        var roles = new List<string> { RoleNames.NetworkMember };
        if (index == 0)
        {
            roles.Add(RoleNames.Administrator);
        }

        if (index % 20 == 1)
        {
            roles.Add(RoleNames.AtelierMember);
        }

        if (index % 50 == 2)
        {
            roles.Add(RoleNames.LobbyTeam);
        }

        return roles;
    }

    /// <summary>A text made and rendered off the writer's thread: everything its rows need.</summary>
    private sealed record PreparedText(int Index, Guid Id, GeneratedText Text, RenderedMarkdown Rendered, string Visibility, int Revisions,
        DateTimeOffset CreatedAt, IReadOnlyList<string> Keywords, IReadOnlyList<int> Themes, IReadOnlyList<(string Markdown, RevisionMeasure Measure)> History);

    /// <summary>Themes or articles: made and rendered in parallel, written in batches by this one writer. Returns the revisions written.</summary>
    private async Task<int> SeedTextsAsync(TextKind kind, DutchTextGenerator generator, BulkSeedOptions options, SeedContext context,
        Guid[] organisations, (Guid Id, string Name)[] members, Guid[] themes, IProgress<BulkSeedProgress>? progress, CancellationToken cancellationToken)
    {
        var total = kind == TextKind.Theme ? options.Themes : options.Articles;
        if (total == 0)
        {
            return 0;
        }

        var stage = kind == TextKind.Theme ? "Thema's" : "Kennisartikelen";
        var channel = Channel.CreateBounded<PreparedText>(new BoundedChannelOptions(256) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { CancellationToken = stop.Token, MaxDegreeOfParallelism = Environment.ProcessorCount },
                    async (i, ct) => await channel.Writer.WriteAsync(Prepare(kind, generator, options, i, themes.Length), ct).ConfigureAwait(false)).ConfigureAwait(false);
                channel.Writer.Complete();
            }
            catch (Exception exception)
            {
                channel.Writer.Complete(exception);
            }
        }, CancellationToken.None);

        var revisions = 0;
        var done = 0;
        try
        {
            await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
            while (done < total)
            {
                var batchStart = done;
                var batchEnd = Math.Min(total, done + options.BatchSize);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using var writer = new TextWriter(kind, connection, transaction);
                for (; done < batchEnd; done++)
                {
                    var text = await channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    var (authorId, authorName) = members[text.Index % members.Length];
                    revisions += await writer.WriteAsync(text, context, authorId, authorName, organisations[text.Index % organisations.Length], themes, cancellationToken).ConfigureAwait(false);
                    if (kind == TextKind.Theme)
                    {
                        themes[text.Index] = text.Id;
                    }

                    if (done % 250 == 0)
                    {
                        progress?.Report(new BulkSeedProgress(stage, done, total));
                    }
                }

                await AuditAsync(connection, transaction, kind == TextKind.Theme ? SubjectKinds.Theme : SubjectKinds.Article,
                    $"seed-bulk: {stage.ToLowerInvariant()} {batchStart + 1}-{batchEnd} toegevoegd", cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                progress?.Report(new BulkSeedProgress(stage, done, total));
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }

        return revisions;
    }

    private PreparedText Prepare(TextKind kind, DutchTextGenerator generator, BulkSeedOptions options, int index, int themeCount)
    {
        var random = DutchTextGenerator.RandomFor(options.Seed, kind == TextKind.Theme ? 20 : 21, index);
        var text = kind == TextKind.Theme
            ? generator.Theme(index, Math.Max(1, options.MinWords / 2), Math.Max(1, options.MaxWords / 2))
            : generator.Article(index, options.MinWords, options.MaxWords);
        var roll = random.Next(100);
        var visibility = roll < 80 ? Visibility.Public : roll < 95 ? Visibility.Network : Visibility.Atelier;
        var revisionRoll = random.Next(10);
        var revisionCount = revisionRoll < 7 ? 1 : revisionRoll < 9 ? 2 : 3;
        var themeLinks = new List<int>();
        if (kind == TextKind.Article && themeCount > 0)
        {
            var links = random.Next(1, 4);
            for (var i = 0; i < links; i++)
            {
                var theme = random.Next(themeCount);
                if (!themeLinks.Contains(theme))
                {
                    themeLinks.Add(theme);
                }
            }
        }

        // Earlier, shorter drafts first, the current text last; fingerprints here, on every core, not in the writer.
        var history = Enumerable.Range(1, revisionCount)
            .Select(number => number == revisionCount ? text.Markdown : text.Draft(number, revisionCount))
            .Select(markdown => (markdown, RevisionFingerprint.Measure(markdown)))
            .ToList();
        return new PreparedText(index, Guid.NewGuid(), text, renderer.Render(text.Markdown), visibility.ToString(), revisionCount,
            Epoch.AddMinutes(-random.Next(6 * 365 * 24 * 60)), generator.KeywordsFor(kind == TextKind.Theme ? 1 : 2, index), themeLinks, history);
    }

    /// <summary>The prepared inserts of one batch of themes or articles, with their revisions and links.</summary>
    private sealed class TextWriter : IAsyncDisposable
    {
        private readonly TextKind kind;
        private readonly PreparedInsert text;
        private readonly PreparedInsert body;
        private readonly PreparedInsert revision;
        private readonly PreparedInsert keyword;
        private readonly PreparedInsert? theme;

        public TextWriter(TextKind kind, DbConnection connection, DbTransaction transaction)
        {
            this.kind = kind;
            if (kind == TextKind.Theme)
            {
                text = new PreparedInsert(connection, transaction, InsertThemeSql, "Id", "Slug", "Title", "Summary",
                    "Visibility", "CurrentRevision", "CreatedById", "CreatedAt", "UpdatedAt", "Version");
                body = new PreparedInsert(connection, transaction, InsertThemeBodySql, "ThemeId", "BodyMarkdown", "BodyHtml", "BodyText");
                keyword = new PreparedInsert(connection, transaction, InsertThemeKeywordSql, "ThemeId", "KeywordId");
            }
            else
            {
                text = new PreparedInsert(connection, transaction, InsertArticleSql, "Id", "Slug", "Title", "Summary",
                    "Visibility", "OrganisationId", "AuthorId", "AuthorName", "CurrentRevision", "CreatedAt", "UpdatedAt", "Version");
                body = new PreparedInsert(connection, transaction, InsertArticleBodySql, "ArticleId", "BodyMarkdown", "BodyHtml", "BodyText");
                keyword = new PreparedInsert(connection, transaction, InsertArticleKeywordSql, "ArticleId", "KeywordId");
                theme = new PreparedInsert(connection, transaction, InsertArticleThemeSql, "ArticleId", "ThemeId");
            }

            revision = new PreparedInsert(connection, transaction, InsertRevisionSql, "Id", "SubjectKind", "SubjectId", "Number", "Title", "Markdown", "Summary",
                "ChangeSummary", "AuthorId", "CreatedAt", "Fingerprint", "Length", "LengthChange");
        }

        public async Task<int> WriteAsync(PreparedText item, SeedContext context, Guid authorId, string authorName, Guid organisationId, Guid[] themes, CancellationToken cancellationToken)
        {
            var slug = Slug(item.Text.Title, item.Index);
            var updatedAt = item.CreatedAt.AddDays(item.Revisions - 1);
            if (kind == TextKind.Theme)
            {
                await text.ExecuteAsync(cancellationToken, item.Id, slug, item.Text.Title, item.Text.Summary,
                    item.Visibility, item.Revisions, authorId, item.CreatedAt, updatedAt, item.Revisions).ConfigureAwait(false);
            }
            else
            {
                await text.ExecuteAsync(cancellationToken, item.Id, slug, item.Text.Title, item.Text.Summary,
                    item.Visibility, organisationId, authorId, authorName, item.Revisions, item.CreatedAt, updatedAt, item.Revisions).ConfigureAwait(false);
                foreach (var index in item.Themes)
                {
                    await theme!.ExecuteAsync(cancellationToken, item.Id, themes[index]).ConfigureAwait(false);
                }
            }

            await body.ExecuteAsync(cancellationToken, item.Id, item.Text.Markdown, item.Rendered.Html, item.Rendered.PlainText).ConfigureAwait(false);

            // Append-only history, one day apart, with the fingerprint and size change every revision carries.
            var subjectKind = kind == TextKind.Theme ? SubjectKinds.Theme : SubjectKinds.Article;
            var previousLength = 0;
            for (var number = 1; number <= item.History.Count; number++)
            {
                var (markdown, measure) = item.History[number - 1];
                await revision.ExecuteAsync(cancellationToken, Guid.NewGuid(), subjectKind, item.Id, number, item.Text.Title, markdown, item.Text.Summary,
                    number == 1 ? "Eerste versie" : "Paragrafen toegevoegd", authorId, item.CreatedAt.AddDays(number - 1),
                    measure.Fingerprint, measure.Length, measure.Length - previousLength).ConfigureAwait(false);
                previousLength = measure.Length;
            }

            foreach (var name in item.Keywords)
            {
                await keyword.ExecuteAsync(cancellationToken, item.Id, context.KeywordIds[Slugs.Slugify(name)]).ConfigureAwait(false);
            }

            return item.Revisions;
        }

        public async ValueTask DisposeAsync()
        {
            await text.DisposeAsync().ConfigureAwait(false);
            await body.DisposeAsync().ConfigureAwait(false);
            await revision.DisposeAsync().ConfigureAwait(false);
            await keyword.DisposeAsync().ConfigureAwait(false);
            if (theme is not null)
            {
                await theme.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static Task AuditAsync(DbConnection connection, DbTransaction transaction, string subjectKind, string summary, CancellationToken cancellationToken)
        => AuditLog.WriteAsync(connection, transaction, new AuditEntry(AuditAction, subjectKind, null, summary, null, ActorName), cancellationToken);
}
