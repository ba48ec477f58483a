namespace KennisHub.Core.Content;

/// <summary>Which fields a save changes, named in Dutch for the audit log and the import report.</summary>
public sealed class FieldChanges
{
    private readonly List<string> fields = [];

    public bool None => fields.Count == 0;

    /// <summary>A field of the text itself (title, summary, body): true when it changed, which earns a revision.</summary>
    public bool Text(string field, string current, string next)
    {
        if (string.Equals(current, next, StringComparison.Ordinal))
        {
            return false;
        }

        fields.Add(field);
        return true;
    }

    public void Value<T>(string field, T? current, T? next)
    {
        if (!EqualityComparer<T>.Default.Equals(current, next))
        {
            fields.Add(field);
        }
    }

    public void Set(string field, IEnumerable<string> current, IEnumerable<string> next)
    {
        if (!current.ToHashSet(StringComparer.Ordinal).SetEquals(next))
        {
            fields.Add(field);
        }
    }

    public override string ToString() => string.Join(", ", fields);
}
