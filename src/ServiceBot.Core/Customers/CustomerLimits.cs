namespace ServiceBot.Core.Customers;

/// <summary>
/// Bounds on what a customer's requests can add to their row, whoever asks (the offline assistant or a model
/// that can be talked into anything): a row must stay small enough to read on every message and to fit in one
/// DynamoDB item (400 KB).
/// </summary>
public static class CustomerLimits
{
    public const int MaxRoutines = 20;

    public const int MaxRoutineNameLength = 80;

    public const int MaxRoutinePhraseLength = 100;

    public const int MaxRoutineSteps = 10;

    /// <summary>What to play: a genre, artist or station name.</summary>
    public const int MaxMusicLength = 100;
}
