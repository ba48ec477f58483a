using KennisHub.Core.Editing;

namespace KennisHub.Core.Content;

/// <summary>Who saves: a member (their id and display name) or the importer (no id, name "Import").</summary>
public sealed record Writer(Guid? UserId, string Name)
{
    public static readonly Writer Import = new(null, ContentImporter.ActorName);
}

/// <summary>Why a field was refused; the page turns the code into a Dutch (or English) message from EditingText.</summary>
public enum WriteError
{
    Required,
    TooLong,
    InvalidSlug,
    SlugTaken,
    UnknownVisibility,
    UnknownStatus,
    UnknownOrganisation,
    UnknownTheme,
    InvalidKeyword,
    TooManyKeywords,
    UnknownItem,
    UnknownBaseRevision,
}

/// <summary>One refused field of a command, named by the command's property (Title, Slug, Keywords...).</summary>
public sealed record FieldError(string Field, WriteError Error)
{
    /// <summary>A Dutch sentence for the importer's report; pages use their resources instead.</summary>
    public string Describe() => Error switch
    {
        WriteError.Required => $"'{Field}' ontbreekt.",
        WriteError.TooLong => $"'{Field}' is te lang.",
        WriteError.InvalidSlug => $"'{Field}' is geen geldige slug: gebruik kleine letters, cijfers en enkele koppeltekens.",
        WriteError.SlugTaken => $"de slug bij '{Field}' is al in gebruik (of was dat eerder) voor een ander item.",
        WriteError.UnknownVisibility => $"onbekende zichtbaarheid bij '{Field}'.",
        WriteError.UnknownStatus => $"onbekende status bij '{Field}'.",
        WriteError.UnknownOrganisation => $"de organisatie bij '{Field}' bestaat niet.",
        WriteError.UnknownTheme => $"een thema bij '{Field}' bestaat niet.",
        WriteError.InvalidKeyword => $"een trefwoord bij '{Field}' is leeg of te lang.",
        WriteError.TooManyKeywords => $"te veel trefwoorden bij '{Field}'.",
        WriteError.UnknownItem => "het item bestaat niet (meer).",
        WriteError.UnknownBaseRevision => "de versie waarvan de bewerking uitging bestaat niet.",
        _ => $"'{Field}' is ongeldig.",
    };
}

/// <summary>A save that came in after the revision an edit started from: who and when, for the page to name.</summary>
public sealed record SaveInBetween
{
    public required int Number { get; init; }

    /// <summary>The author's display name; null for an import or a removed account.</summary>
    public string? AuthorName { get; init; }

    public required DateTimeOffset SavedAt { get; init; }
}

/// <summary>A title or summary that this edit and a save in between both changed, differently.</summary>
public sealed record FieldConflict(string Field, string Base, string Mine, string Theirs);

/// <summary>What a write handler did. The page maps each case to a response; nothing else leaves a handler.</summary>
public abstract record WriteResult;

/// <summary>Saved as typed. <see cref="Changed"/> is false when the save changed nothing (no revision, no audit line).</summary>
public sealed record Saved(Guid Id, string Slug, int Revision, bool Changed = true) : WriteResult;

/// <summary>Saved after a clean three-way merge with the saves in between (named in <see cref="With"/>).</summary>
public sealed record Merged(Guid Id, string Slug, int Revision, IReadOnlyList<SaveInBetween> With) : WriteResult
{
    /// <summary>The distinct names of whom this edit was merged with, in save order ("Import" for the importer).</summary>
    public IReadOnlyList<string> Names => With.Select(s => s.AuthorName ?? ContentImporter.ActorName).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>
/// Overlapping changes: nothing was saved. <see cref="Merge"/> holds the regions (base, mine, theirs) of the body,
/// <see cref="Fields"/> the title or summary changed on both sides. The editor resolves them against
/// <see cref="TheirsRevision"/> and saves again with that revision as its base.
/// </summary>
public sealed record Conflict(MergeResult Merge, IReadOnlyList<FieldConflict> Fields, int BaseRevision, int TheirsRevision, IReadOnlyList<SaveInBetween> With) : WriteResult;

/// <summary>Refused fields: nothing was saved.</summary>
public sealed record Invalid(IReadOnlyList<FieldError> Errors) : WriteResult
{
    public Invalid(string field, WriteError error)
        : this([new FieldError(field, error)])
    {
    }
}
