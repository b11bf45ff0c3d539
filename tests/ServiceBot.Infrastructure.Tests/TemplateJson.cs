using System.Text.Json.Nodes;

namespace ServiceBot.Infrastructure.Tests;

/// <summary>Reading a synthesized template: resources by type, and their properties.</summary>
internal static class TemplateJson
{
    public static IEnumerable<(string Id, JsonObject Resource)> Resources(this JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!.AsObject()));

    public static JsonObject Properties(this JsonObject resource) => resource["Properties"]!.AsObject();

    public static string? Text(this JsonNode? node) => node?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;

    /// <summary>The function whose Handler is <paramref name="handler"/>.</summary>
    public static (string Id, JsonObject Resource) Function(this JsonObject template, string handler) =>
        template.Resources("AWS::Lambda::Function").Single(f => f.Resource.Properties()["Handler"].Text() == handler);

    /// <summary>Every statement of the policies attached to <paramref name="handler"/>'s role.</summary>
    public static IReadOnlyList<JsonObject> Statements(this JsonObject template, string handler)
    {
        (_, JsonObject function) = template.Function(handler);
        string role = function.Properties()["Role"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        return template.Resources("AWS::IAM::Policy")
            .Where(p => p.Resource.Properties()["Roles"]!.AsArray().Any(r => r!["Ref"].Text() == role))
            .SelectMany(p => p.Resource.Properties()["PolicyDocument"]!["Statement"]!.AsArray())
            .Select(s => s!.AsObject())
            .ToArray();
    }

    public static IReadOnlyList<string> Actions(this JsonObject statement) =>
        statement["Action"] is JsonArray many ? many.Select(a => a!.GetValue<string>()).ToArray() : [statement["Action"]!.GetValue<string>()];

    /// <summary>The logical id a <c>Ref</c> or <c>Fn::GetAtt</c> in <paramref name="node"/> points at, if any.</summary>
    public static string? Target(this JsonNode? node) => node switch
    {
        JsonObject o when o["Ref"] is { } r => r.Text(),
        JsonObject o when o["Fn::GetAtt"] is JsonArray a => a[0].Text(),
        _ => null,
    };
}
