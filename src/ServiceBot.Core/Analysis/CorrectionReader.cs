using System.Collections.Frozen;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// A correction of the last request: "sorry, I mean 30" (the last volume change, with 30), "not the kitchen, the bedroom"
/// (the last action, on the other device), "actually make that blues" (the last music, other music); and the answer to the
/// bot's "which device do you mean?". The earlier request is read again and only what was corrected changes.
/// </summary>
internal static class CorrectionReader
{
    private static readonly FrozenSet<string> Fillers = FrozenSet.Create(
        StringComparer.Ordinal, "sorry", "no", "nope", "oops", "actually", "wait", "oh", "um", "uh", "hmm", "hm", "i", "mean", "meant",
        "said", "wanted", "make", "that", "it", "to", "rather", "instead", "please", "wrong", "one", "there", "in", "on", "at", "the",
        "my", "not", "but", "ok", "okay", "then");

    // A correction says so: "sorry", "no", "actually", "I meant", "not the kitchen".
    private static readonly FrozenSet<string> Signals = FrozenSet.Create(
        StringComparer.Ordinal, "sorry", "no", "nope", "oops", "actually", "wait", "hmm", "hm", "wrong", "not", "mean", "meant",
        "instead", "rather");

    private static readonly FrozenSet<Intent> VolumeIntents = FrozenSet.Create(
        Intent.VolumeSet, Intent.VolumeUp, Intent.VolumeDown, Intent.Mute, Intent.Unmute);

    /// <param name="reread">Reads an earlier request again, as it was read then.</param>
    public static RequestAnalysis? Read(Utterance u, CustomerTerms terms, ConversationContext context, Func<string, RequestAnalysis> reread)
    {
        // The answer to "which device do you mean?": the request asked about, on the device named now.
        if (context.PendingRequest is { } pending && ReadDevices(u, terms) is { } answer
            && OnOtherDevice(reread(pending), answer, terms.Customer) is { } answered)
        {
            return answered;
        }

        if (context.LastRequest is not { } last)
        {
            return null;
        }

        if (ReadNumber(u) is { } volume)
        {
            return reread(last).AllRequests.FirstOrDefault(r => VolumeIntents.Contains(r.Intent)) is { } change
                ? change with { Intent = Intent.VolumeSet, Volume = volume, VolumeStep = null, MoreRequests = [] }
                : null;
        }

        if (!Enumerable.Range(0, u.Count).Any(i => Signals.Contains(u[i])))
        {
            return null;
        }

        if (ReadDevices(u, terms) is { } mentions)
        {
            RequestAnalysis before = reread(last);
            // "move the display to the dining room" – "sorry, I meant the hallway": the room is where it goes, not a device.
            if (before.Intent == Intent.Relocate && mentions is [{ Kind: MentionKind.Described, Type: null, Room: { } room }])
            {
                return before with { TargetRoom = room, MoreRequests = [] };
            }

            return OnOtherDevice(before, mentions, terms.Customer);
        }

        return ReadMusic(u, terms) is { } music && reread(last) is { Intent: Intent.PlayMusic or Intent.MultiRoom } play
            ? play with { Music = music, MoreRequests = [] }
            : null;
    }

    /// <summary>"sorry, I mean 30", "no, 30", "make that thirty", "hmm make that 50 actually": only fillers and one number.</summary>
    private static int? ReadNumber(Utterance u)
    {
        int i = 0;
        while (i < u.Count && Fillers.Contains(u[i]))
        {
            i++;
        }

        if (i == 0 || !NumberReader.TryRead(u, i, out NumberToken number))
        {
            return null;
        }

        int end = number.Span.End;
        while (end < u.Count && (u[end] is "percent" or "volume" || Fillers.Contains(u[end])))
        {
            end++;
        }

        return end == u.Count ? number.Value : null;
    }

    /// <summary>
    /// "not the kitchen, the bedroom", "I meant the bedroom, not the kitchen", "no wait, the office speaker": the device
    /// meant, without the other. Only fillers may stand outside the device phrases, so "is the bedroom speaker on, not the
    /// kitchen one?" is no correction.
    /// </summary>
    private static List<DeviceMention>? ReadDevices(Utterance u, CustomerTerms terms)
    {
        List<DeviceMention> mentions = DeviceMentions.Read(u, terms).Where(m => m.Kind != MentionKind.Pronoun).ToList();
        bool onlyFillers = Enumerable.Range(0, u.Count).All(i => mentions.Any(m => m.Span.Contains(i)) || Fillers.Contains(u[i]));
        // The phrase right after "not" (past "the") is the wrong one.
        int not = Enumerable.Range(0, u.Count).FirstOrDefault(i => u[i] == "not", -1);
        List<DeviceMention> meant = mentions.Where(m => not < 0 || m.Span.Start < not || m.Span.Start > not + 2).ToList();
        return onlyFillers && meant.Count > 0 ? meant : null;
    }

    /// <summary>
    /// "actually make that blues", "no, classical": what to play instead. Only fillers before it, and no device, number or
    /// command in it; unless "make that" or "I meant" introduced it, only genres.
    /// </summary>
    private static string? ReadMusic(Utterance u, CustomerTerms terms)
    {
        int i = 0;
        bool introduced = false;
        while (i < u.Count && Fillers.Contains(u[i]))
        {
            introduced |= u[i] is "meant" or "mean" || (u[i] == "make" && u[i + 1] is "that" or "it");
            i++;
        }

        int end = u.Count;
        while (end > i && u[end - 1] is "instead" or "please" or "actually" or "then")
        {
            end--;
        }

        if (i == 0 || end <= i || end - i > 6 || DeviceMentions.Read(u, terms).Count > 0 || NumberReader.FindAll(u).Count > 0)
        {
            return null;
        }

        for (int k = i; k < end; k++)
        {
            if (ClauseSplitter.StartsAction(u[k]) || (!introduced && !Lexicon.MusicWords.Contains(u[k])))
            {
                return null;
            }
        }

        return MusicReader.Clean(u, new WordSpan(i, end)).Music;
    }

    private static RequestAnalysis? OnOtherDevice(RequestAnalysis last, List<DeviceMention> meant, Customer customer)
    {
        if (last.DeviceIds.Count == 0 && last.MoreRequests.Count == 0 && last.Clarification is null)
        {
            return null;
        }

        DeviceResolution devices = DeviceResolver.Resolve(meant, customer, [], last.Intent);
        return last with { DeviceIds = devices.DeviceIds, Clarification = devices.Clarification, MoreRequests = [] };
    }
}
