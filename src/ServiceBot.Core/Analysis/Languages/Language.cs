namespace ServiceBot.Core.Analysis;

/// <summary>The languages the bot understands and answers in.</summary>
public enum Language
{
    English,
    Spanish,
    German,
}

public static class Languages
{
    /// <summary>The ISO 639-1 code stored with a message and given to Claude: "en", "es", "de".</summary>
    public static string Code(this Language language) => language switch
    {
        Language.Spanish => "es",
        Language.German => "de",
        _ => "en",
    };

    /// <summary>The language of a stored code; null for none or one we do not speak.</summary>
    public static Language? FromCode(string? code) => code switch
    {
        "en" => Language.English,
        "es" => Language.Spanish,
        "de" => Language.German,
        _ => null,
    };

    /// <summary>The language's own name, for a model's instructions: "Spanish (español)".</summary>
    public static string Name(this Language language) => language switch
    {
        Language.Spanish => "Spanish (español)",
        Language.German => "German (Deutsch)",
        _ => "English",
    };
}
