using System.Globalization;

namespace ServiceBot.Core.Conversations;

/// <summary>Sortable ISO 8601 UTC text with 100 ns precision: string order is time order, as a sort key needs.</summary>
public static class Timestamps
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToKey(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromKey(string key) =>
        DateTimeOffset.ParseExact(key, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
