using ServiceBot.Testing;

namespace ServiceBot.Lambda.Tests.NativeAot;

/// <summary>
/// The message function is published with Native AOT, where Claude works only if the directives name every generic
/// instantiation the Anthropic SDK's JSON makes. They are generated from the SDK itself; this fails when the SDK
/// changed (an upgrade) and the file did not, which would otherwise show only in production, as Claude's calls failing
/// over to the offline assistant.
/// </summary>
public sealed class NativeAotDirectivesTests
{
    private const string UpdateVariable = "SERVICEBOT_UPDATE_AOT_DIRECTIVES";

    // Resolving some 2,400 types through the SDK's options takes about a second: once for both tests.
    private static readonly Lazy<string> Generated = new(AnthropicAotDirectives.Generate);

    [Fact]
    public void The_message_functions_directives_name_everything_the_Anthropic_SDK_serializes_for_the_Messages_API()
    {
        string path = RepositoryFolder.PathOf("src", "ServiceBot.Lambda", "Anthropic.rd.xml");
        string generated = Generated.Value;
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, generated);
        }

        string committed = File.Exists(path) ? File.ReadAllText(path) : "";
        Assert.True(committed == generated,
            $"{path} is not what the Anthropic SDK in use needs. Regenerate it: {UpdateVariable}=1 dotnet test tests/ServiceBot.Lambda.Tests " +
            "--filter-method '*directives*', then publish (src/ServiceBot.Lambda/publish.sh) and run the process tests against the bootstrap.");
    }

    [Fact]
    public void The_directives_cover_the_messages_and_events_a_conversation_uses()
    {
        string generated = Generated.Value;

        // What a tool-using, streamed, cached conversation reads and writes; each failed under Native AOT before.
        Assert.Contains("Anthropic.Core.JsonModelConverter`2[[Anthropic.Models.Messages.CacheControlEphemeral, Anthropic]", generated, StringComparison.Ordinal);
        Assert.Contains("System.Collections.Immutable.ImmutableArray`1[[Anthropic.Models.Messages.ContentBlockParam, Anthropic]]", generated, StringComparison.Ordinal);
        Assert.Contains("<GenericArgument Name=\"Anthropic.Models.Messages.ContentBlockParam, Anthropic\" />", generated, StringComparison.Ordinal);
        Assert.Contains("IReadOnlyDictionaryOfTKeyTValueConverter`3[[System.Collections.Generic.IReadOnlyDictionary`2[[System.String, System.Private.CoreLib],[System.Text.Json.JsonElement, System.Text.Json]]", generated, StringComparison.Ordinal);
        Assert.Contains("Anthropic.Core.JsonModelConverter`2[[Anthropic.Models.Messages.RawContentBlockDeltaEvent, Anthropic]", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("Anthropic.Models.Beta", generated, StringComparison.Ordinal);
    }
}
