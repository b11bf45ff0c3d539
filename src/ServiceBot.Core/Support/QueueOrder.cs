namespace ServiceBot.Core.Support;

/// <summary>An open entry with its place: <see cref="Position"/> is 1 for the next one to be taken, null once assigned.</summary>
public sealed record PlacedEntry(QueueEntry Entry, int? Position);

/// <summary>
/// Who is helped first: dedicated support, then priority, then standard; within one, whoever has waited longest.
/// Assigned conversations follow the waiting ones, oldest first, without a place.
/// </summary>
public static class QueueOrder
{
    public static IReadOnlyList<PlacedEntry> Place(IEnumerable<QueueEntry> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        QueueEntry[] entries = open.Where(e => e.IsOpen).ToArray();
        IEnumerable<QueueEntry> waiting = entries
            .Where(e => e.Status == QueueStatuses.Waiting)
            .OrderBy(e => Rank(e.SupportPriority))
            .ThenBy(e => e.RequestedAt)
            .ThenBy(e => e.ConversationId, StringComparer.Ordinal);
        IEnumerable<QueueEntry> assigned = entries
            .Where(e => e.Status == QueueStatuses.Assigned)
            .OrderBy(e => e.RequestedAt)
            .ThenBy(e => e.ConversationId, StringComparer.Ordinal);

        var placed = new List<PlacedEntry>(entries.Length);
        int position = 0;
        foreach (QueueEntry entry in waiting)
        {
            placed.Add(new PlacedEntry(entry, ++position));
        }

        placed.AddRange(assigned.Select(e => new PlacedEntry(e, null)));
        return placed;
    }

    /// <summary>0 is served first; a priority we do not know waits behind standard.</summary>
    public static int Rank(string? supportPriority) => supportPriority switch
    {
        SupportPriorities.Dedicated => 0,
        SupportPriorities.Priority => 1,
        SupportPriorities.Standard => 2,
        _ => 3,
    };
}

/// <summary>The <c>supportPriority</c> values of the ServiceLevels rows.</summary>
public static class SupportPriorities
{
    public const string Dedicated = "dedicated";
    public const string Priority = "priority";
    public const string Standard = "standard";
}
