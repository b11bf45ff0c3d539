namespace ServiceBot.Core.Customers;

/// <summary>The rooms a device can be in: snake_case names, as docs/product.md lists them.</summary>
public static class Rooms
{
    public static readonly IReadOnlyList<string> Known =
    [
        "living_room", "bedroom", "kitchen", "office", "bathroom", "dining_room",
        "conference_room", "reception", "garage", "hallway", "guest_room", "kids_room",
        "basement", "patio", "study", "lobby",
    ];

    private static readonly HashSet<string> KnownSet = new(Known, StringComparer.Ordinal);

    public static bool IsKnown(string room) => KnownSet.Contains(room);

    public static string Describe(string room) => room.Replace('_', ' ');
}
