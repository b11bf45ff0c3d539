using ServiceBot.Core.Analysis;
using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Replies;

/// <summary>How a German noun phrase is used in a sentence: it picks the article (der / den / dem).</summary>
public enum GermanCase
{
    Nominative,
    Accusative,
    Dative,
}

/// <summary>
/// Devices and rooms in a reply's language: "the bedroom speaker", "el altavoz del dormitorio", "der Lautsprecher im
/// Schlafzimmer". A room we have no word for is written as it is stored, without underscores.
/// </summary>
public static class DeviceWords
{
    private enum Gender
    {
        Masculine,
        Feminine,
        Neuter,
    }

    // Room: Spanish word and gender, German word and gender.
    private static readonly Dictionary<string, (string Es, Gender EsGender, string De, Gender DeGender)> RoomWords = new(StringComparer.Ordinal)
    {
        ["living_room"] = ("salón", Gender.Masculine, "Wohnzimmer", Gender.Neuter),
        ["bedroom"] = ("dormitorio", Gender.Masculine, "Schlafzimmer", Gender.Neuter),
        ["kitchen"] = ("cocina", Gender.Feminine, "Küche", Gender.Feminine),
        ["office"] = ("oficina", Gender.Feminine, "Büro", Gender.Neuter),
        ["bathroom"] = ("baño", Gender.Masculine, "Bad", Gender.Neuter),
        ["dining_room"] = ("comedor", Gender.Masculine, "Esszimmer", Gender.Neuter),
        ["conference_room"] = ("sala de conferencias", Gender.Feminine, "Konferenzraum", Gender.Masculine),
        ["reception"] = ("recepción", Gender.Feminine, "Empfang", Gender.Masculine),
        ["garage"] = ("garaje", Gender.Masculine, "Garage", Gender.Feminine),
        ["hallway"] = ("pasillo", Gender.Masculine, "Flur", Gender.Masculine),
        ["guest_room"] = ("cuarto de invitados", Gender.Masculine, "Gästezimmer", Gender.Neuter),
        ["kids_room"] = ("cuarto de los niños", Gender.Masculine, "Kinderzimmer", Gender.Neuter),
        ["basement"] = ("sótano", Gender.Masculine, "Keller", Gender.Masculine),
        ["patio"] = ("patio", Gender.Masculine, "Terrasse", Gender.Feminine),
        ["study"] = ("estudio", Gender.Masculine, "Arbeitszimmer", Gender.Neuter),
        ["lobby"] = ("vestíbulo", Gender.Masculine, "Lobby", Gender.Feminine),
    };

    /// <summary>A room's name: "living room", "salón", "Wohnzimmer".</summary>
    public static string Room(string room, Language language) => language switch
    {
        Language.Spanish when RoomWords.TryGetValue(room, out var w) => w.Es,
        Language.German when RoomWords.TryGetValue(room, out var w) => w.De,
        _ => Rooms.Describe(room),
    };

    /// <summary>"the living room", "el salón", "das Wohnzimmer" (German in the case given).</summary>
    public static string TheRoom(string room, Language language, GermanCase germanCase = GermanCase.Nominative) => language switch
    {
        Language.Spanish => $"{(EsGender(room) == Gender.Feminine ? "la" : "el")} {Room(room, language)}",
        Language.German => $"{Article(DeGender(room), germanCase)} {Room(room, language)}",
        _ => $"the {Room(room, language)}",
    };

    /// <summary>"in the living room", "en el salón", "im Wohnzimmer".</summary>
    public static string InRoom(string room, Language language) => language switch
    {
        Language.Spanish => $"en {TheRoom(room, language)}",
        Language.German => DeGender(room) == Gender.Feminine ? $"in der {Room(room, language)}" : $"im {Room(room, language)}",
        _ => $"in the {Room(room, language)}",
    };

    /// <summary>"of the living room", "del salón" / "de la cocina", "im Wohnzimmer".</summary>
    public static string OfRoom(string room, Language language) => language switch
    {
        Language.Spanish => OfRoomEs(room),
        Language.German => InRoom(room, language),
        _ => $"of the {Room(room, language)}",
    };

    /// <summary>"to the kitchen", "a la cocina" / "al salón", "in die Küche" / "ins Wohnzimmer" / "in den Flur".</summary>
    public static string ToRoom(string room, Language language) => language switch
    {
        Language.Spanish => EsGender(room) == Gender.Feminine ? $"a la {Room(room, language)}" : $"al {Room(room, language)}",
        Language.German => DeGender(room) switch
        {
            Gender.Feminine => $"in die {Room(room, language)}",
            Gender.Neuter => $"ins {Room(room, language)}",
            _ => $"in den {Room(room, language)}",
        },
        _ => $"to the {Room(room, language)}",
    };

    /// <summary>A device's type: "speaker", "altavoz", "Lautsprecher".</summary>
    public static string Type(DeviceType type, Language language) => (type, language) switch
    {
        (DeviceType.SmartSpeaker, Language.Spanish) => "altavoz",
        (DeviceType.SmartDisplay, Language.Spanish) => "pantalla",
        (DeviceType.SmartHub, Language.Spanish) => "hub",
        (DeviceType.SmartSpeaker, Language.German) => "Lautsprecher",
        (DeviceType.SmartDisplay, Language.German) => "Display",
        (DeviceType.SmartHub, Language.German) => "Hub",
        _ => Device.TypeName(type),
    };

    /// <summary>"the bedroom speaker", "el altavoz del dormitorio", "der Lautsprecher im Schlafzimmer" (German in the case given).</summary>
    public static string The(Device device, Language language, GermanCase germanCase = GermanCase.Nominative)
    {
        ArgumentNullException.ThrowIfNull(device);
        return language switch
        {
            Language.Spanish => $"{(IsFeminineEs(device.Type) ? "la" : "el")} {Type(device.Type, language)} {OfRoomEs(device.Location)}",
            Language.German => $"{Article(DeGender(device.Type), germanCase)} {Type(device.Type, language)} {InRoom(device.Location, language)}",
            _ => device.Describe(),
        };
    }

    /// <summary>"a speaker" / "un altavoz" / "einen Lautsprecher" (German accusative): the kind of device only.</summary>
    public static string A(DeviceType type, Language language) => language switch
    {
        Language.Spanish => $"{(IsFeminineEs(type) ? "una" : "un")} {Type(type, language)}",
        Language.German => $"{(DeGender(type) == Gender.Neuter ? "ein" : "einen")} {Type(type, language)}",
        _ => $"a {Type(type, language)}",
    };

    /// <summary>
    /// A device phrase the customer wrote, as the analyzer read it in English ("kitchen speaker"), in the reply's
    /// language, word by word for the rooms and types we know.
    /// </summary>
    public static string Mentioned(string mentioned, Language language)
    {
        if (language == Language.English)
        {
            return $"a {mentioned}";
        }

        string[] words = mentioned.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        DeviceType? type = words.Length > 0 ? words[^1] switch
        {
            "speaker" or "speakers" => DeviceType.SmartSpeaker,
            "display" or "displays" or "screen" => DeviceType.SmartDisplay,
            "hub" or "hubs" => DeviceType.SmartHub,
            _ => null,
        } : null;
        string room = string.Join('_', type is null ? words : words[..^1]);
        if (type is { } t && room.Length > 0 && Rooms.IsKnown(room))
        {
            return language == Language.Spanish
                ? $"{A(t, language)} {OfRoomEs(room)}"
                : $"{A(t, language)} {InRoom(room, language)}";
        }

        return type is { } only && room.Length == 0 ? A(only, language) : $"\"{mentioned}\"";
    }

    private static string OfRoomEs(string room) =>
        EsGender(room) == Gender.Feminine ? $"de la {Room(room, Language.Spanish)}" : $"del {Room(room, Language.Spanish)}";

    private static bool IsFeminineEs(DeviceType type) => type == DeviceType.SmartDisplay;

    private static Gender EsGender(string room) => RoomWords.TryGetValue(room, out var w) ? w.EsGender : Gender.Masculine;

    private static Gender DeGender(string room) => RoomWords.TryGetValue(room, out var w) ? w.DeGender : Gender.Masculine;

    private static Gender DeGender(DeviceType type) => type == DeviceType.SmartDisplay ? Gender.Neuter : Gender.Masculine;

    private static string Article(Gender gender, GermanCase germanCase) => (gender, germanCase) switch
    {
        (Gender.Masculine, GermanCase.Nominative) => "der",
        (Gender.Masculine, GermanCase.Accusative) => "den",
        (Gender.Feminine, GermanCase.Dative) => "der",
        (Gender.Feminine, _) => "die",
        (Gender.Neuter, GermanCase.Dative) or (Gender.Masculine, GermanCase.Dative) => "dem",
        _ => "das",
    };
}
