using ServiceBot.Core.Analysis;

namespace ServiceBot.Core.Replies;

/// <summary>
/// Every sentence the bot writes itself, in the customer's language. The rule for a new reply: write it once per
/// language, side by side, English first, with the same placeholders:
/// <code>
/// language.Say(
///     $"Turned on {DeviceWords.The(device, language)}.",
///     $"He encendido {DeviceWords.The(device, language)}.",
///     $"Ich habe {DeviceWords.The(device, language, GermanCase.Accusative)} eingeschaltet.")
/// </code>
/// Devices and rooms come from <see cref="DeviceWords"/>, lists from <see cref="ListWords"/>, what a tier action is
/// from <see cref="ActionWords"/>, so each reads right in its language (gender, "del", "im"). A new language is one more
/// parameter here and one more column in those files; the compiler then lists every reply still missing it.
/// </summary>
public static class Wording
{
    public static string In(Language language, string english, string spanish, string german) => language switch
    {
        Language.Spanish => spanish,
        Language.German => german,
        _ => english,
    };

    /// <summary>Same as <see cref="In"/>, read as <c>language.Say(english, spanish, german)</c>.</summary>
    public static string Say(this Language language, string english, string spanish, string german) => In(language, english, spanish, german);

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
