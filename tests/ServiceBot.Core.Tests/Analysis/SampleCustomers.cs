using ServiceBot.Core.Customers;

namespace ServiceBot.Core.Tests.Analysis;

/// <summary>The sample customers of docs/product.md, built in code so the analyzer tests do not depend on the seed file.</summary>
public static class SampleCustomers
{
    public static Customer Jane { get; } = new()
    {
        Id = "cust_001",
        Name = "Jane Smith",
        ServiceLevel = "basic",
        Devices = [Device("dev_001", DeviceType.SmartSpeaker, "Living Room Speaker", "living_room")],
    };

    public static Customer John { get; } = new()
    {
        Id = "cust_002",
        Name = "John Doe",
        ServiceLevel = "premium",
        Devices =
        [
            Device("dev_002", DeviceType.SmartSpeaker, "Bedroom Speaker", "bedroom"),
            Device("dev_003", DeviceType.SmartDisplay, "Kitchen Display", "kitchen"),
        ],
    };

    public static Customer Alice { get; } = new()
    {
        Id = "cust_003",
        Name = "Alice Johnson",
        ServiceLevel = "enterprise",
        Devices =
        [
            Device("dev_004", DeviceType.SmartSpeaker, "Office Speaker", "office"),
            Device("dev_005", DeviceType.SmartDisplay, "Conference Room Display", "conference_room"),
            Device("dev_006", DeviceType.SmartHub, "Reception Hub", "reception"),
        ],
    };

    public static Customer ById(string id) => id switch
    {
        "cust_001" => Jane,
        "cust_002" => John,
        "cust_003" => Alice,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Not a sample customer."),
    };

    public static Device Device(string id, DeviceType type, string name, string room, string? playing = null) => new()
    {
        Id = id,
        Type = type,
        Name = name,
        Location = room,
        NowPlaying = playing,
    };
}
