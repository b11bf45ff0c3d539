using ServiceBot.Core.Conversations;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Tests.HeldOut;

/// <summary>Compares what came of a message with what the customer should notice; every point that does not hold is a miss.</summary>
public static class OutcomeChecker
{
    public static IReadOnlyList<string> Misses(SupportChat chat, ChatOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(outcome);
        Expectation expect = chat.Expect;
        var misses = new List<string>();
        RequestType(expect, outcome, misses);
        foreach (ExpectedAction action in expect.Executed)
        {
            Executed(action, outcome, misses);
        }

        foreach (ExpectedRefusal refusal in expect.Refused)
        {
            Refused(refusal, outcome, misses);
        }

        Devices(expect, outcome, misses);
        Routines(chat, outcome, misses);
        Language(expect, outcome, misses);
        foreach (IReadOnlyList<string> words in expect.Says)
        {
            if (!words.Any(w => StartsAWord(outcome.Reply.Text, w)))
            {
                misses.Add($"the reply says none of [{string.Join(", ", words)}]");
            }
        }

        return misses;
    }

    /// <summary>The reply has <paramref name="word"/> where a word starts (ignoring case): "hi" is not found in "this", "mute" is in "muted".</summary>
    public static bool StartsAWord(string reply, string word)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentException.ThrowIfNullOrEmpty(word);
        for (int at = reply.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = reply.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (at == 0 || !char.IsLetterOrDigit(reply[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static void RequestType(Expectation expect, ChatOutcome outcome, List<string> misses)
    {
        if (expect.RequestType is null)
        {
            return;
        }

        string? wanted = expect.RequestType == Expectation.NoRequestType ? null : expect.RequestType;
        if (!string.Equals(wanted, outcome.RequestType, StringComparison.Ordinal))
        {
            misses.Add($"request type {outcome.RequestType ?? Expectation.NoRequestType}, expected {expect.RequestType}");
        }
    }

    private static void Executed(ExpectedAction action, ChatOutcome outcome, List<string> misses)
    {
        if (!outcome.Reply.Actions.Any(a => a.Allowed && a.Action == action.Action && OnDevice(a, action.Device)))
        {
            misses.Add($"{action.Action}{On(action.Device)} was not executed");
        }
    }

    private static void Refused(ExpectedRefusal refusal, ChatOutcome outcome, List<string> misses)
    {
        if (!outcome.Reply.Actions.Any(a => !a.Allowed && a.Action == refusal.Action && OnDevice(a, refusal.Device)))
        {
            misses.Add($"{refusal.Action}{On(refusal.Device)} was not refused");
        }

        if (refusal.Tier is string tier && !outcome.Reply.Text.Contains(tier, StringComparison.OrdinalIgnoreCase))
        {
            misses.Add($"the refusal does not name the {tier} tier");
        }
    }

    private static bool OnDevice(ActionRecord action, string? device) => device is null || action.DeviceId == device;

    private static string On(string? device) => device is null ? "" : $" on {device}";

    private static void Devices(Expectation expect, ChatOutcome outcome, List<string> misses)
    {
        Dictionary<string, Device> before = outcome.CustomersBefore.SelectMany(c => c.Devices).ToDictionary(d => d.Id, StringComparer.Ordinal);
        Dictionary<string, Device> after = outcome.CustomersAfter.SelectMany(c => c.Devices).ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach ((string id, DeviceEnd wanted) in expect.After)
        {
            if (!after.TryGetValue(id, out Device? device))
            {
                misses.Add($"{id} is gone");
                continue;
            }

            misses.AddRange(EndState(id, wanted, device));
        }

        foreach ((string id, Device was) in before)
        {
            if (expect.After.ContainsKey(id))
            {
                continue;
            }

            if (!after.TryGetValue(id, out Device? now))
            {
                misses.Add($"{id} is gone");
            }
            else if (Changes(was, now) is { Length: > 0 } changes)
            {
                misses.Add($"{id} changed: {changes}");
            }
        }
    }

    private static IEnumerable<string> EndState(string id, DeviceEnd wanted, Device device)
    {
        if (wanted.Power is string power && device.Power != power)
        {
            yield return $"{id} power {device.Power}, expected {power}";
        }

        if (wanted.Volume is int volume && device.Volume != volume)
        {
            yield return $"{id} volume {device.Volume}, expected {volume}";
        }

        if (wanted.VolumeAbove is int above && device.Volume <= above)
        {
            yield return $"{id} volume {device.Volume}, expected above {above}";
        }

        if (wanted.VolumeBelow is int below && device.Volume >= below)
        {
            yield return $"{id} volume {device.Volume}, expected below {below}";
        }

        if (wanted.Status is string status && device.Status != status)
        {
            yield return $"{id} status {device.Status}, expected {status}";
        }

        if (wanted.Location is string location && device.Location != location)
        {
            yield return $"{id} in {device.Location}, expected {location}";
        }

        if (wanted.NowPlaying is string playing && device.NowPlaying?.Contains(playing, StringComparison.OrdinalIgnoreCase) != true)
        {
            yield return $"{id} plays {device.NowPlaying ?? "nothing"}, expected {playing}";
        }

        if (wanted.Playing is bool plays && (device.NowPlaying is not null) != plays)
        {
            yield return $"{id} plays {device.NowPlaying ?? "nothing"}, expected {(plays ? "something" : "nothing")}";
        }
    }

    /// <summary>What a customer sees of a device: power, volume, room, what plays, online.</summary>
    private static string Changes(Device was, Device now)
    {
        var changes = new List<string>();
        Note("power", was.Power, now.Power);
        Note("volume", was.Volume.ToString(System.Globalization.CultureInfo.InvariantCulture), now.Volume.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Note("location", was.Location, now.Location);
        Note("playing", was.NowPlaying, now.NowPlaying);
        Note("status", was.Status, now.Status);
        return string.Join(", ", changes);

        void Note(string what, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add($"{what} {from ?? "nothing"} -> {to ?? "nothing"}");
            }
        }
    }

    private static void Routines(SupportChat chat, ChatOutcome outcome, List<string> misses)
    {
        IReadOnlyList<Routine> before = outcome.CustomersBefore.Single(c => c.Id == chat.Customer).Routines;
        IReadOnlyList<Routine> after = outcome.CustomersAfter.Single(c => c.Id == chat.Customer).Routines;
        if (chat.Expect.Routines is int count)
        {
            if (after.Count != count)
            {
                misses.Add($"{after.Count} routines, expected {count}");
            }
        }
        else if (!before.Select(r => r.Id).SequenceEqual(after.Select(r => r.Id), StringComparer.Ordinal))
        {
            misses.Add($"routines changed: {before.Count} -> {after.Count}");
        }
    }

    private static void Language(Expectation expect, ChatOutcome outcome, List<string> misses)
    {
        if (expect.Language is string wanted && ReplyLanguage.Detect(outcome.Reply.Text) is var found && found != wanted)
        {
            misses.Add($"reply in {found ?? "no clear language"}, expected {wanted}");
        }
    }
}
