namespace ServiceBot.Core.Agent;

internal static class Phrases
{
    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string JoinAnd(IEnumerable<string> items)
    {
        string[] list = items.ToArray();
        return list.Length switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list[..^1]) + " and " + list[^1],
        };
    }
}
