using ServiceBot.Core.Analysis;

namespace ServiceBot.Core.Tests.Analysis;

/// <summary>Which language a message is read (and answered) in: English, Spanish or German.</summary>
public class LanguageDetectionTests
{
    private static readonly RequestAnalyzer Analyzer = new();

    [Theory]
    [InlineData("turn off the living room speaker", Language.English)]
    [InlineData("hi", Language.English)]
    [InlineData("thanks!", Language.English)]
    [InlineData("play some jazz in the kitchen", Language.English)]
    [InlineData("hola", Language.Spanish)]
    [InlineData("gracias", Language.Spanish)]
    [InlineData("apaga el altavoz", Language.Spanish)]
    [InlineData("¿está encendido?", Language.Spanish)]
    [InlineData("esta encendido el altavoz", Language.Spanish)]
    [InlineData("pon jazz en la cocina", Language.Spanish)]
    [InlineData("danke", Language.German)]
    [InlineData("Hallo", Language.German)]
    [InlineData("leiser bitte", Language.German)]
    [InlineData("nächstes Lied", Language.German)]
    [InlineData("naechstes lied", Language.German)]
    [InlineData("schalte den Lautsprecher im Wohnzimmer aus", Language.German)]
    public void A_message_is_read_in_its_language(string text, Language expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("30", Language.Spanish)]
    [InlineData("dev_002", Language.German)]
    [InlineData("ok", Language.Spanish)]
    [InlineData("jazz", Language.German)]
    [InlineData("!!", Language.Spanish)]
    public void A_message_without_a_language_signal_keeps_the_conversations_language(string text, Language before) =>
        Assert.Equal(before, LanguageDetector.Detect(text, before));

    [Fact]
    public void A_first_message_without_a_signal_is_english() =>
        Assert.Equal(Language.English, LanguageDetector.Detect("30"));

    [Theory]
    [InlineData("turn off el altavoz", Language.English, Language.English)]
    [InlineData("apaga the speaker", Language.Spanish, Language.Spanish)]
    [InlineData("apaga the speaker", null, Language.English)]
    public void A_mixed_message_goes_by_its_words_and_a_tie_keeps_the_conversations_language(string text, Language? before, Language expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text, before));

    [Fact]
    public void The_language_is_carried_on_the_analysis_and_a_bare_number_keeps_it()
    {
        RequestAnalysis spanish = Analyzer.Analyze("sube el volumen", SampleCustomers.ById("cust_001"));
        RequestAnalysis number = Analyzer.Analyze("30", SampleCustomers.ById("cust_001"), new ConversationContext { LastLanguage = spanish.Language });

        Assert.Equal(Language.Spanish, spanish.Language);
        Assert.Equal(Language.Spanish, number.Language);
    }

    [Fact]
    public void A_device_named_in_english_does_not_outvote_the_spanish_around_it()
    {
        RequestAnalysis analysis = Analyzer.Analyze("apaga el Bedroom Speaker", SampleCustomers.ById("cust_002"));

        Assert.Equal(Language.Spanish, analysis.Language);
        Assert.Equal(Intent.PowerOff, analysis.Intent);
        Assert.Equal(["dev_002"], analysis.DeviceIds);
    }

    [Theory]
    [InlineData("en", Language.English)]
    [InlineData("es", Language.Spanish)]
    [InlineData("de", Language.German)]
    public void A_stored_code_reads_back_as_its_language(string code, Language language)
    {
        Assert.Equal(language, Languages.FromCode(code));
        Assert.Equal(code, language.Code());
    }

    [Fact]
    public void An_unknown_stored_code_is_no_language() => Assert.Null(Languages.FromCode("fr"));
}
