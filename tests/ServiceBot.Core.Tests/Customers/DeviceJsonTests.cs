using System.Text.Json;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Frames;

namespace ServiceBot.Core.Tests.Customers;

/// <summary>The diagnostics are additive: a client or a row that knows nothing of them sees the device as before.</summary>
public class DeviceJsonTests
{
    private const string Before =
        """{"id":"dev_001","type":"SmartSpeaker","name":"Living Room Speaker","location":"living_room","power":"on","volume":40,"status":"online","nowPlaying":null}""";

    [Fact]
    public void A_device_without_diagnostics_is_written_exactly_as_before()
    {
        Device device = JsonSerializer.Deserialize(Before, FrameJson.Default.Device)!;

        Assert.Equal((null, null, null), (device.Signal, device.Firmware, device.LastSeen));
        Assert.Equal(Before, JsonSerializer.Serialize(device, FrameJson.Default.Device));
    }

    [Fact]
    public void Diagnostics_are_written_after_the_old_fields_in_camel_case()
    {
        Device device = JsonSerializer.Deserialize(Before, FrameJson.Default.Device)! with
        {
            Signal = WifiSignal.Weak,
            Firmware = "4.2.1",
            LastSeen = new DateTimeOffset(2026, 12, 1, 7, 58, 0, TimeSpan.Zero),
        };

        string json = JsonSerializer.Serialize(device, FrameJson.Default.Device);

        Assert.Equal(Before[..^1] + ""","signal":"weak","firmware":"4.2.1","lastSeen":"2026-12-01T07:58:00+00:00"}""", json);
        Assert.Equal(device, JsonSerializer.Deserialize(json, FrameJson.Default.Device));
    }
}
