using System.Collections.Frozen;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Reads a device request: which action (<see cref="ActionReader"/>), on which devices (<see cref="DeviceMentions"/>,
/// <see cref="DeviceResolver"/>), with which values; and whether "play" means one device or several together.
/// </summary>
internal static class DeviceRequestReader
{
    private static readonly FrozenSet<Intent> NoDevice = FrozenSet.Create(
        Intent.Unknown, Intent.Greeting, Intent.Thanks, Intent.Capabilities,
        Intent.RoutineCreate, Intent.RoutineList, Intent.RoutineRun, Intent.RoutineDelete);

    public static RequestAnalysis? Read(Utterance u, CustomerTerms terms, ConversationContext context)
    {
        List<ClauseReading> readings = ReadActions(u, terms);
        if (readings.Count == 0)
        {
            return null;
        }

        RequestAnalysis[] parts = readings.Select(r => Build(r, terms.Customer, context)).ToArray();
        return parts[0] with { MoreRequests = parts[1..] };
    }

    /// <summary>One request of a message: its action, the device phrases it uses, and the words it was read from.</summary>
    private sealed record ClauseReading(ActionReading Action, List<DeviceMention> Mentions, Utterance Words);

    /// <summary>
    /// Every request of a message, in order: "turn off the kitchen display, then play jazz in the bedroom" is two. A
    /// complaint gives way to the command after it ("the kitchen display is too loud, make it 20"), and a clause that
    /// only says "it" borrows the devices named before it.
    /// </summary>
    private static List<ClauseReading> ReadActions(Utterance u, CustomerTerms terms)
    {
        if (ActionReader.ReadTrouble(u.Text) is { } trouble)
        {
            return [new(trouble, DeviceMentions.Read(u, terms), u)];
        }

        List<Utterance> clauses = ClauseSplitter.Split(u);
        if (clauses.Count > 1)
        {
            var earlier = new List<DeviceMention>();
            var commands = new List<ClauseReading>();
            ClauseReading? complaint = null;
            foreach (Utterance clause in clauses)
            {
                List<DeviceMention> found = DeviceMentions.Read(clause, terms);
                ActionReading? action = ActionReader.Read(clause, found, terms);
                List<DeviceMention> usable = action is null ? found : Usable(action, found);
                if (action is not null)
                {
                    List<DeviceMention> mentions = usable.All(m => m.Kind == MentionKind.Pronoun) && earlier.Count > 0 ? earlier.ToList() : usable;
                    if (!action.Complaint)
                    {
                        commands.AddRange(PairVolumes(new ClauseReading(action, mentions, clause)));
                    }
                    else
                    {
                        complaint ??= new ClauseReading(action, mentions, clause);
                    }
                }

                earlier.AddRange(usable.Where(m => m.Kind != MentionKind.Pronoun));
            }

            if (commands.Count > 0)
            {
                return commands;
            }

            if (complaint is not null)
            {
                return [complaint];
            }
        }

        List<DeviceMention> all = DeviceMentions.Read(u, terms);
        if (ActionReader.Read(u, all, terms) is not { } whole)
        {
            return [];
        }

        return ValueTail(u, whole, terms) ?? PairVolumes(new ClauseReading(whole, Usable(whole, all), u));
    }

    private static readonly FrozenSet<Intent> VolumeIntents = FrozenSet.Create(Intent.VolumeSet, Intent.VolumeUp, Intent.VolumeDown);

    /// <summary>
    /// "turn off the bedroom and the kitchen to 30": a number can't be a power change, so the devices after the last "and"
    /// with "to 30" and no verb of their own are a volume change of their own. After a volume verb ("set the bedroom and
    /// the kitchen to 30") the number is for every device and the message stays one request.
    /// </summary>
    private static List<ClauseReading>? ValueTail(Utterance u, ActionReading whole, CustomerTerms terms)
    {
        if (VolumeIntents.Contains(whole.Intent) || whole.Complaint)
        {
            return null;
        }

        int and = Enumerable.Range(1, Math.Max(0, u.Count - 2)).LastOrDefault(i => u[i] == "and", -1);
        if (and < 0)
        {
            return null;
        }

        Utterance head = u.Slice(0, and);
        Utterance tail = u.Slice(and + 1, u.Count);
        List<DeviceMention> tailMentions = DeviceMentions.Read(tail, terms);
        if (ActionReader.Read(tail, tailMentions, terms) is not { Intent: Intent.VolumeSet } value)
        {
            return null;
        }

        List<DeviceMention> headMentions = DeviceMentions.Read(head, terms);
        if (ActionReader.Read(head, headMentions, terms) is not { } first || first.Intent != whole.Intent)
        {
            return null;
        }

        return [new ClauseReading(first, Usable(first, headMentions), head), new ClauseReading(value, Usable(value, tailMentions), tail)];
    }

    /// <summary>
    /// "set the bedroom to 20 and the kitchen to 40" has one verb but two requests: each device takes the number that
    /// follows it (before the next device). Anything else, and a single number for several devices, stays one request.
    /// </summary>
    private static List<ClauseReading> PairVolumes(ClauseReading reading)
    {
        List<DeviceMention> named = reading.Mentions.Where(m => m.Kind != MentionKind.Pronoun).OrderBy(m => m.Span.Start).ToList();
        if (reading.Action.Intent != Intent.VolumeSet || named.Count < 2)
        {
            return [reading];
        }

        List<NumberToken> numbers = NumberReader.FindAll(reading.Words);
        var paired = new List<ClauseReading>();
        for (int i = 0; i < named.Count; i++)
        {
            int from = named[i].Span.End;
            int to = i + 1 < named.Count ? named[i + 1].Span.Start : reading.Words.Count;
            NumberToken? own = numbers.Where(n => n.Span.Start >= from && n.Span.Start < to).Select(n => (NumberToken?)n).FirstOrDefault();
            if (own is null)
            {
                return [reading];
            }

            paired.Add(reading with { Action = reading.Action with { Volume = own.Value.Value }, Mentions = [named[i]] });
        }

        return paired;
    }

    private static RequestAnalysis Build(ClauseReading reading, Customer customer, ConversationContext context)
    {
        (ActionReading action, List<DeviceMention> usable, Utterance words) = reading;
        Intent intent = action.Intent;
        if (OtherPeoplesDevices.Find(words.Raw(new WordSpan(0, words.Count)), customer) is { } others)
        {
            // Never resolved against the customer's own devices: "Alice's speaker" is not "my speaker".
            return new RequestAnalysis { Intent = intent, OtherPersonsDevice = others };
        }

        DeviceResolution devices;
        if (intent is Intent.PlayMusic or Intent.MultiRoom)
        {
            (intent, devices) = ResolvePlay(action, usable, customer, context);
        }
        else
        {
            devices = DeviceResolver.Resolve(usable, customer, context.LastDeviceIds, intent);
        }

        // "I can't hear my music" from a muted, switched-off or offline device: turning it up would not help, finding out why does.
        if (action.Complaint && intent == Intent.VolumeUp && devices.DeviceIds.Count > 0
            && devices.DeviceIds.Select(customer.FindDevice).All(d => d is not null && IsSilent(d)))
        {
            return new RequestAnalysis { Intent = Intent.Troubleshoot, DeviceIds = devices.DeviceIds, Symptom = Symptoms.NoSound };
        }

        string? music = action.Music?.Music;
        if (music is null && (action.Music is { FromContext: true } || intent == Intent.MultiRoom))
        {
            music = context.LastMusic;
        }

        return new RequestAnalysis
        {
            Intent = intent,
            DeviceIds = NoDevice.Contains(intent) ? [] : devices.DeviceIds,
            Clarification = devices.Clarification,
            Volume = action.Volume,
            VolumeStep = action.VolumeStep,
            TargetRoom = action.TargetRoom,
            Music = intent is Intent.PlayMusic or Intent.MultiRoom ? music : null,
            Symptom = action.Symptom,
        };
    }

    private static bool IsSilent(Device device) =>
        device.Volume == 0 || device.Power == PowerState.Off || device.Status != DeviceStatus.Online;

    /// <summary>
    /// The device phrases outside the music and the target room; "put the speaker in the kitchen" keeps "speaker"
    /// once "in the kitchen" turned out to be where it goes.
    /// </summary>
    private static List<DeviceMention> Usable(ActionReading action, List<DeviceMention> mentions)
    {
        var usable = new List<DeviceMention>();
        foreach (DeviceMention mention in mentions)
        {
            if (action.Music is { Span.Length: > 0 } music && music.Span.Overlaps(mention.Span))
            {
                continue;
            }

            if (action.TargetSpan is { } target && target.Overlaps(mention.Span))
            {
                if (mention.Type is { } type && mention.Span.Start < target.Start)
                {
                    string text = type == DeviceKind.Any ? "device" : Device.TypeName(ToDeviceType(type));
                    usable.Add(mention with { Room = null, Span = new WordSpan(mention.Span.Start, target.Start), Text = text });
                }

                continue;
            }

            usable.Add(mention);
        }

        return usable;
    }

    private static DeviceType ToDeviceType(DeviceKind kind) => kind switch
    {
        DeviceKind.Display => DeviceType.SmartDisplay,
        DeviceKind.Hub => DeviceType.SmartHub,
        _ => DeviceType.SmartSpeaker,
    };

    /// <summary>
    /// Play on one device, or on several together (multi-room): "everywhere", "all my speakers", two rooms named,
    /// "in the kitchen too", "sync". Multi-room with nothing named takes every device that has a speaker.
    /// </summary>
    private static (Intent, DeviceResolution) ResolvePlay(
        ActionReading action, List<DeviceMention> mentions, Customer customer, ConversationContext context)
    {
        DeviceResolution named = DeviceResolver.Resolve(mentions.Where(m => m.Kind != MentionKind.Pronoun), customer, [], Intent.MultiRoom);
        bool everywhere = named.Named && named.All;
        bool adding = action.Also && named.Named && context.LastDeviceIds.Count > 0
            && named.DeviceIds.Any(id => !context.LastDeviceIds.Contains(id, StringComparer.Ordinal));
        bool multi = action.Intent == Intent.MultiRoom || action.MultiRoom || everywhere || adding
            || (named.Named && named.DeviceIds.Count > 1);
        if (!multi)
        {
            return (Intent.PlayMusic, DeviceResolver.Resolve(mentions, customer, context.LastDeviceIds, Intent.PlayMusic));
        }

        if (named.Clarification is not null || !adding)
        {
            return (Intent.MultiRoom, named);
        }

        string[] together = context.LastDeviceIds.Where(id => customer.FindDevice(id) is not null)
            .Concat(named.DeviceIds)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return (Intent.MultiRoom, named with { DeviceIds = together });
    }
}
