using System.Data.Common;
using KennisHub.Core.Data;

namespace KennisHub.Core.Content;

/// <summary>The fields every kind of text shares: what <see cref="TextWrites"/> validates, merges and saves alike.</summary>
public abstract record TextFields
{
    public required string Title { get; init; }

    public required string Slug { get; init; }

    public string Summary { get; init; } = string.Empty;

    /// <summary>The text itself, in Markdown.</summary>
    public required string Body { get; init; }

    /// <summary>A <see cref="Reading.Visibility"/> name.</summary>
    public required string Visibility { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];
}

/// <summary>The stored row of a text as an update reads it inside its transaction; a kind adds its own columns.</summary>
internal abstract record StoredText
{
    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required string BodyMarkdown { get; init; }

    public required string BodyHtml { get; init; }

    public required string Visibility { get; init; }

    public required int CurrentRevision { get; init; }

    public required int Version { get; init; }
}

/// <summary>
/// What differs between the kinds of text <see cref="TextWrites"/> saves: the SQL of its tables (whole statements,
/// in plain sight in the kind's class) and the fields only that kind has. Everything else (the transaction, the
/// merge, the revision, slugs, keywords, derived data, the audit line, the draft) is written once in TextWrites.
/// </summary>
/// <remarks>
/// The statements' parameters: Exists, Current: <c>@Id</c>. SlugTaken: <c>@Slug, @Id</c>. Insert: <c>@Id, @Slug,
/// @Title, @Summary, @Visibility, @CurrentRevision, @Now, @BodyMarkdown, @BodyHtml, @BodyText</c> and the kind's
/// <see cref="InsertParameters"/>. Update: <c>@Id, @Version, @Slug, @Title, @Summary, @Visibility,
/// @CurrentRevision, @Now</c> and the kind's <see cref="UpdateParameters"/>. UpdateBody: <c>@Id, @BodyMarkdown,
/// @BodyHtml, @BodyText</c>. Keywords: <c>@Id</c>, and <c>@KeywordId</c> to insert.
/// </remarks>
internal abstract class TextKind<TFields, TStored>
    where TFields : TextFields
    where TStored : StoredText
{
    /// <summary>The <see cref="SubjectKinds"/> name (revisions, audit, links, search, co-authors, drafts).</summary>
    public abstract string SubjectKind { get; }

    /// <summary>How the audit line names the kind: "Kennisartikel", "Thema".</summary>
    public abstract string Noun { get; }

    public abstract string CreatedAction { get; }

    public abstract string RestoredAction { get; }

    public abstract string ExistsSql { get; }

    public abstract string SlugTakenSql { get; }

    public abstract string InsertSql { get; }

    public abstract string CurrentSql { get; }

    public abstract string UpdateSql { get; }

    public abstract string UpdateBodySql { get; }

    public abstract string KeywordSlugsSql { get; }

    public abstract string DeleteKeywordsSql { get; }

    public abstract string InsertKeywordSql { get; }

    /// <summary>The kind's own fields tidied (the shared ones are already trimmed).</summary>
    public virtual TFields Normalized(TFields fields) => fields;

    /// <summary>Checks of the kind's own fields, added to the shared ones.</summary>
    public virtual void Validate(TFields fields, List<FieldError> errors)
    {
    }

    /// <summary>The kind's references exist (organisation, themes...), inside the write transaction.</summary>
    public abstract Task CheckReferencesAsync(DbConnection connection, DbTransaction transaction, Guid id, TFields fields, List<FieldError> errors, CancellationToken cancellationToken);

    public abstract object InsertParameters(TFields fields, Writer writer);

    /// <summary>Adds the changes of the kind's own fields, after the shared ones and before the keywords.</summary>
    public abstract Task CompareAsync(DbConnection connection, DbTransaction transaction, Guid id, TStored stored, TFields fields, FieldChanges changes, CancellationToken cancellationToken);

    public abstract object UpdateParameters(TStored stored, TFields fields);

    /// <summary>The kind's link tables other than keywords (an article's themes, a theme's articles).</summary>
    public abstract Task SetLinksAsync(DbConnection connection, DbTransaction transaction, Guid id, TFields fields, CancellationToken cancellationToken);
}
