using System.Collections.Frozen;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>
/// Reads one customer message: what they want (<see cref="Intent"/>), which of their devices they mean, and the values
/// that go with it (volume, room, music, routine). Pure and synchronous; one instance is shared by every request.
/// </summary>
/// <remarks>
/// The pipeline: <see cref="TextNormalizer"/> (case, contractions, typos) → <see cref="RoutineReader"/> (schedules,
/// phrases, routine names) → <see cref="ActionReader"/> (device requests) with <see cref="DeviceMentions"/> and
/// <see cref="DeviceResolver"/> → <see cref="SmallTalkReader"/>; whatever is left is <see cref="Intent.Unknown"/>.
/// </remarks>
public sealed class RequestAnalyzer
{
    // Words that open a request without changing it: "ok so can you please turn it off".
    private static readonly string[][] Openers =
    [
        ["i", "would", "like", "you", "to"], ["i", "want", "you", "to"], ["i", "need", "you", "to"], ["is", "it", "possible", "to"],
        ["go", "ahead", "and"], ["i", "would", "like", "to"], ["i", "want", "to"], ["i", "need", "to"], ["could", "you"], ["can", "you"],
        ["would", "you"], ["will", "you"], ["let", "us"], ["hi", "there"], ["hey", "there"], ["hello", "there"], ["thank", "you"],
        ["hi"], ["hello"], ["hey"], ["ok"], ["okay"], ["so"], ["um"], ["uh"], ["well"], ["please"], ["now"], ["and"], ["also"],
        ["oh"], ["yes"], ["yeah"], ["thanks"], ["just"], ["kindly"], ["then"], ["bot"], ["right"], ["alright"], ["great"], ["cool"],
        ["perfect"], ["nice"], ["quickly"],
    ];

    private static readonly FrozenSet<Intent> NoDevice = FrozenSet.Create(
        Intent.Unknown, Intent.Greeting, Intent.Thanks, Intent.Capabilities,
        Intent.RoutineCreate, Intent.RoutineList, Intent.RoutineRun, Intent.RoutineDelete);

    /// <summary>Reads <paramref name="text"/> from <paramref name="customer"/>, with what the conversation said before.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Performance", "CA1822:Mark members as static", Justification = "An injected service: callers hold one shared instance.")]
    public RequestAnalysis Analyze(string text, Customer customer, ConversationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        context ??= ConversationContext.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RequestAnalysis { Intent = Intent.Unknown };
        }

        // A row read from a store may carry no lists at all; read it as "none".
        if (customer.Devices is null || customer.Routines is null)
        {
            customer = customer with { Devices = customer.Devices ?? [], Routines = customer.Routines ?? [] };
        }

        var terms = new CustomerTerms(customer);
        Utterance whole = TextNormalizer.Normalize(text, terms);
        Utterance u = WithoutOpeners(whole);
        if (u.IsEmpty)
        {
            return new RequestAnalysis { Intent = SmallTalkReader.Read(whole) };
        }

        if (RoutineReader.Read(u, terms, context) is { } routine)
        {
            return routine;
        }

        List<DeviceMention> mentions = DeviceMentions.Read(u, terms);
        if (ActionReader.Read(u, mentions, terms) is { } action)
        {
            return Build(action, mentions, customer, context);
        }

        return new RequestAnalysis { Intent = SmallTalkReader.Read(whole) };
    }

    private static RequestAnalysis Build(ActionReading action, List<DeviceMention> mentions, Customer customer, ConversationContext context)
    {
        List<DeviceMention> usable = Usable(action, mentions);

        Intent intent = action.Intent;
        DeviceResolution devices;
        if (intent is Intent.PlayMusic or Intent.MultiRoom)
        {
            (intent, devices) = ResolvePlay(action, usable, customer, context);
        }
        else
        {
            devices = DeviceResolver.Resolve(usable, customer, context.LastDeviceIds, intent);
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
        };
    }

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
                    usable.Add(mention with { Room = null, Span = new WordSpan(mention.Span.Start, target.Start), Text = type == DeviceKind.Any ? "device" : Device.TypeName(ToDeviceType(type)) });
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

    private static Utterance WithoutOpeners(Utterance u)
    {
        int start = 0;
        bool stripped = true;
        while (stripped && start < u.Count)
        {
            stripped = false;
            foreach (string[] opener in Openers)
            {
                if (StartsWith(u, start, opener))
                {
                    start += opener.Length;
                    stripped = true;
                    break;
                }
            }
        }

        return start == 0 ? u : u.Slice(start, u.Count);
    }

    private static bool StartsWith(Utterance u, int start, string[] words)
    {
        for (int k = 0; k < words.Length; k++)
        {
            if (!string.Equals(u[start + k], words[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
