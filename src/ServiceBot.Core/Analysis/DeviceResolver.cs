using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Analysis;

/// <summary>The devices a request means, or the question to ask first.</summary>
internal sealed record DeviceResolution(IReadOnlyList<string> DeviceIds, Clarification? Clarification)
{
    /// <summary>The customer pointed at devices themselves (not "it", not by default).</summary>
    public bool Named { get; init; }

    /// <summary>They said "everywhere", "all my speakers", "every room".</summary>
    public bool All { get; init; }
}

/// <summary>
/// Resolves device phrases against the customer's devices. Named devices win; then "it" and the devices of the
/// conversation so far; then, with nothing named, the only device that fits. Audio requests only consider devices
/// with a speaker unless a device is named. "speaker" means a SmartSpeaker, or where there is none (John's "kitchen
/// speaker") the device there that plays sound; "speakers"/"all speakers" mean every device that plays sound.
/// </summary>
internal static class DeviceResolver
{
    public static DeviceResolution Resolve(
        IEnumerable<DeviceMention> mentions, Customer customer, IReadOnlyList<string> contextIds, Intent intent)
    {
        IReadOnlyList<Device> devices = customer.Devices;
        bool audio = IsAudio(intent);
        var chosen = new List<Device>();
        List<Device>? ambiguous = null;
        string? unknown = null;
        bool named = false;
        bool everything = false;
        bool other = false;

        List<DeviceMention> considered = mentions.ToList();
        if (considered.Any(m => !m.Weak && m.Kind is not (MentionKind.Pronoun or MentionKind.Other)))
        {
            considered.RemoveAll(m => m.Weak);
        }

        // "turn everything off in the office": the room says which everything.
        if (considered.Any(m => m is { Kind: MentionKind.All, Type: null }) && considered.Any(m => m is { Kind: MentionKind.Described, Room: not null }))
        {
            considered = considered.Where(m => m is not { Kind: MentionKind.All, Type: null })
                .Select(m => m is { Kind: MentionKind.Described, Room: not null } ? m with { Plural = true } : m)
                .ToList();
        }

        foreach (DeviceMention mention in considered)
        {
            switch (mention.Kind)
            {
                case MentionKind.Pronoun:
                    continue;
                case MentionKind.Other:
                    other = true;
                    continue;
                case MentionKind.Foreign:
                    unknown ??= mention.Text;
                    continue;
                case MentionKind.Id or MentionKind.Name:
                    named = true;
                    if (customer.FindDevice(mention.DeviceId!) is { } device)
                    {
                        chosen.Add(device);
                    }
                    else
                    {
                        unknown ??= mention.Text;
                    }

                    continue;
            }

            named = true;
            everything |= mention.Kind == MentionKind.All;
            List<Device> fits = Fits(devices, mention, audio);
            if (fits.Count == 0)
            {
                unknown ??= mention.Text;
            }
            else if (fits.Count > 1 && !mention.Plural)
            {
                (ambiguous ??= []).AddRange(fits);
            }
            else
            {
                chosen.AddRange(fits);
            }
        }

        if (unknown is not null)
        {
            return new DeviceResolution([], new Clarification(ClarificationKind.UnknownDevice, Ids(devices), unknown)) { Named = true };
        }

        if (ambiguous is not null)
        {
            return new DeviceResolution([], new Clarification(ClarificationKind.AmbiguousDevice, Ids(ambiguous))) { Named = true };
        }

        if (chosen.Count > 0)
        {
            return new DeviceResolution(Ids(devices.Where(chosen.Contains)), null) { Named = named, All = everything };
        }

        Device[] remembered = contextIds.Select(customer.FindDevice).OfType<Device>().ToArray();
        if (other && remembered.Length > 0)
        {
            Device[] rest = devices.Where(d => !remembered.Contains(d) && (!audio || d.HasSpeaker)).ToArray();
            return rest.Length == 1
                ? new DeviceResolution(Ids(rest), null)
                : new DeviceResolution([], new Clarification(ClarificationKind.AmbiguousDevice, Ids(rest)));
        }

        if (remembered.Length > 0)
        {
            return new DeviceResolution(Ids(remembered), null);
        }

        return Default(devices, intent, audio);
    }

    /// <summary>Nothing named and nothing to go on: the only device that fits, or the question which.</summary>
    private static DeviceResolution Default(IReadOnlyList<Device> devices, Intent intent, bool audio)
    {
        List<Device> pool = audio && devices.Any(d => d.HasSpeaker) ? devices.Where(d => d.HasSpeaker).ToList() : [.. devices];
        if (intent is Intent.PauseMusic or Intent.SkipMusic && pool.Count > 1)
        {
            List<Device> playing = pool.Where(d => d.NowPlaying is not null).ToList();
            if (playing.Count > 0)
            {
                pool = playing;
            }

            if (intent == Intent.PauseMusic && playing.Count > 0)
            {
                return new DeviceResolution(Ids(pool), null);
            }
        }

        return pool.Count switch
        {
            0 => new DeviceResolution([], null),
            1 => new DeviceResolution(Ids(pool), null),
            _ when intent == Intent.MultiRoom => new DeviceResolution(Ids(pool), null) { All = true },
            _ => new DeviceResolution([], new Clarification(ClarificationKind.AmbiguousDevice, Ids(pool))),
        };
    }

    private static List<Device> Fits(IReadOnlyList<Device> devices, DeviceMention mention, bool audio)
    {
        IEnumerable<Device> scope = mention.Room is { } room
            ? devices.Where(d => string.Equals(d.Location, room, StringComparison.OrdinalIgnoreCase))
            : devices;
        List<Device> inScope = scope.ToList();
        List<Device> fits = mention.Type switch
        {
            DeviceKind.Speaker when mention.Plural => inScope.Where(d => d.HasSpeaker).ToList(),
            DeviceKind.Speaker => Prefer(inScope.Where(d => d.Type == DeviceType.SmartSpeaker), inScope.Where(d => d.HasSpeaker)),
            DeviceKind.Display => inScope.Where(d => d.Type == DeviceType.SmartDisplay).ToList(),
            DeviceKind.Hub => inScope.Where(d => d.Type == DeviceType.SmartHub).ToList(),
            _ => inScope,
        };

        // "play jazz in the kitchen", "turn the volume up everywhere": of a room or of everything, the devices that play sound.
        if (audio && mention.Type is null or DeviceKind.Any && fits.Any(d => d.HasSpeaker))
        {
            fits = fits.Where(d => d.HasSpeaker).ToList();
        }

        return fits;
    }

    private static List<Device> Prefer(IEnumerable<Device> first, IEnumerable<Device> fallback)
    {
        List<Device> preferred = first.ToList();
        return preferred.Count > 0 ? preferred : fallback.ToList();
    }

    public static bool IsAudio(Intent intent) => intent is Intent.VolumeSet or Intent.VolumeUp or Intent.VolumeDown
        or Intent.Mute or Intent.Unmute or Intent.PlayMusic or Intent.PauseMusic or Intent.SkipMusic or Intent.MultiRoom;

    private static string[] Ids(IEnumerable<Device> devices) => devices.Select(d => d.Id).Distinct(StringComparer.Ordinal).ToArray();
}
