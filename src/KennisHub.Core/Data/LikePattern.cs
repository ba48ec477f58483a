namespace KennisHub.Core.Data;

/// <summary>Builds the parameter for <c>LIKE @Pattern ESCAPE '\'</c>, so %, _ and \ that a person types match themselves.</summary>
public static class LikePattern
{
    /// <summary>"%text%" with LIKE's wildcards escaped, or null for empty input (the query's "no filter").</summary>
    public static string? Containing(string? text)
        => string.IsNullOrWhiteSpace(text) ? null : "%" + Escape(text.Trim()) + "%";

    private static string Escape(string value)
        => value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
