using System.Text.Json.Serialization;

namespace ServiceBot.Core.Customers;

/// <summary>A row of the Customers table: who the customer is, their tier, devices and routines.</summary>
public sealed record Customer
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string ServiceLevel { get; init; }
    // Null-safe: JSON without the field (the seed file, an old row) means "none", never null.
    public IReadOnlyList<Device> Devices { get; init => field = value ?? []; } = [];

    public IReadOnlyList<Routine> Routines { get; init => field = value ?? []; } = [];

    /// <summary>
    /// The customer's time zone as an IANA id ("Europe/Berlin"): routine times and "at 10:30pm" are local times there.
    /// Unset (every row stored before it existed), times are UTC.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TimeZone { get; init; }

    /// <summary>Optimistic-concurrency version: a store replaces a row only when it still holds this version.</summary>
    public long Version { get; init; }

    public Device? FindDevice(string deviceId) =>
        Devices.FirstOrDefault(d => string.Equals(d.Id, deviceId, StringComparison.OrdinalIgnoreCase));

    public Customer WithDevice(Device device) => this with
    {
        Devices = Devices.Select(d => d.Id == device.Id ? device : d).ToArray(),
    };
}
