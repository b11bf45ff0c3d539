namespace ServiceBot.Infrastructure.Tests;

/// <summary>
/// The test classes that call the CDK in this process. Its constructs live in one node process (jsii) that takes one
/// call at a time; two classes calling it in parallel failed or hung the run.
/// </summary>
[CollectionDefinition(Name)]
public sealed class JsiiCollection
{
    public const string Name = "jsii (the CDK in this process)";
}
