using System.Collections.Frozen;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// A correction of the last request: "sorry, I mean 30" (the last volume change, with 30), "not the kitchen, the bedroom"
/// (the last action, on the other device). The last request is read again and only what was corrected changes.
/// </summary>
internal static class CorrectionReader
{
    private static readonly FrozenSet<string> Fillers = FrozenSet.Create(
        StringComparer.Ordinal, "sorry", "no", "nope", "oops", "actually", "wait", "oh", "um", "uh", "i", "mean", "meant", "said",
        "wanted", "make", "that", "it", "to", "rather", "instead", "please");

    private static readonly FrozenSet<Intent> VolumeIntents = FrozenSet.Create(
        Intent.VolumeSet, Intent.VolumeUp, Intent.VolumeDown, Intent.Mute, Intent.Unmute);

    /// <param name="reread">Reads the last request again, as it was read then.</param>
    public static RequestAnalysis? Read(Utterance u, CustomerTerms terms, ConversationContext context, Func<string, RequestAnalysis> reread)
    {
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

        return ReadOtherDevice(u, terms) is { } mentions ? OnOtherDevice(reread(last), mentions, terms.Customer) : null;
    }

    /// <summary>"sorry, I mean 30", "no, 30", "make that thirty": only fillers and one number.</summary>
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
        while (end < u.Count && (u[end] is "percent" or "please" or "instead" || u[end] == "volume"))
        {
            end++;
        }

        return end == u.Count ? number.Value : null;
    }

    /// <summary>
    /// "not the kitchen, the bedroom", "I meant the bedroom, not the kitchen": the device meant, without the other. Only
    /// fillers may stand outside the two device phrases, so "is the bedroom speaker on, not the kitchen one?" is no correction.
    /// </summary>
    private static List<DeviceMention>? ReadOtherDevice(Utterance u, CustomerTerms terms)
    {
        int not = Enumerable.Range(0, u.Count).FirstOrDefault(i => u[i] == "not", -1);
        if (not < 0)
        {
            return null;
        }

        List<DeviceMention> mentions = DeviceMentions.Read(u, terms).Where(m => m.Kind != MentionKind.Pronoun).ToList();
        bool onlyFillers = Enumerable.Range(0, u.Count)
            .All(i => mentions.Any(m => m.Span.Contains(i)) || Fillers.Contains(u[i]) || u[i] is "not" or "the" or "my" or "one" or "but");
        // The phrase right after "not" (past "the") is the wrong one.
        List<DeviceMention> meant = mentions.Where(m => m.Span.Start < not || m.Span.Start > not + 2).ToList();
        return onlyFillers && meant.Count > 0 && meant.Count < mentions.Count ? meant : null;
    }

    private static RequestAnalysis? OnOtherDevice(RequestAnalysis last, List<DeviceMention> meant, Customer customer)
    {
        if (last.DeviceIds.Count == 0 && last.MoreRequests.Count == 0)
        {
            return null;
        }

        DeviceResolution devices = DeviceResolver.Resolve(meant, customer, [], last.Intent);
        return last with { DeviceIds = devices.DeviceIds, Clarification = devices.Clarification, MoreRequests = [] };
    }
}
