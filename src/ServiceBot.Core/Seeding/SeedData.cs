using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceBot.Core.Customers;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Core.Support;

namespace ServiceBot.Core.Seeding;

/// <summary>The service levels and sample customers of docs/product.md, as kept in data/seed.json.</summary>
public sealed record SeedData
{
    public required IReadOnlyList<ServiceLevel> ServiceLevels { get; init; }
    public required IReadOnlyList<Customer> Customers { get; init; }

    /// <summary>The support team who may sign in to the support console.</summary>
    public IReadOnlyList<StaffMember> Staff { get; init => field = value ?? []; } = [];

    /// <summary>The seed built into the core (data/seed.json at build time).</summary>
    public static SeedData Default { get; } = LoadDefault();

    public static SeedData Parse(string json) =>
        JsonSerializer.Deserialize(json, SeedJson.Default.SeedData)
        ?? throw new InvalidDataException("The seed file is empty.");

    private static SeedData LoadDefault()
    {
        using Stream stream = typeof(SeedData).Assembly.GetManifestResourceStream("ServiceBot.seed.json")
            ?? throw new InvalidOperationException("The seed data is missing from ServiceBot.Core.");
        return JsonSerializer.Deserialize(stream, SeedJson.Default.SeedData)
            ?? throw new InvalidDataException("The seed file is empty.");
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SeedData))]
internal sealed partial class SeedJson : JsonSerializerContext;
