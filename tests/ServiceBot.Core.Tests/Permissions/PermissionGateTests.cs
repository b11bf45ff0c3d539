using ServiceBot.Core.Customers;
using ServiceBot.Core.Permissions;
using ServiceBot.Core.Seeding;
using ServiceBot.Core.ServiceLevels;

namespace ServiceBot.Core.Tests.Permissions;

public sealed class PermissionGateTests
{
    private static readonly ServiceLevelCatalog Catalog = new(SeedData.Default.ServiceLevels);
    private static readonly PermissionGate Gate = new(Catalog);

    private static Customer CustomerOn(string tier) => new()
    {
        Id = "cust_test",
        Name = "Test Person",
        ServiceLevel = tier,
        Devices =
        [
            new Device { Id = "dev_a", Type = DeviceType.SmartSpeaker, Name = "Living Room Speaker", Location = "living_room" },
            new Device { Id = "dev_b", Type = DeviceType.SmartDisplay, Name = "Kitchen Display", Location = "kitchen" },
            new Device { Id = "dev_c", Type = DeviceType.SmartHub, Name = "Hallway Hub", Location = "hallway" },
        ],
    };

    /// <summary>A valid use of each tool on the customer's devices (or on someone else's when not owned).</summary>
    private static DeviceCommand ValidCommand(string tool, bool owned)
    {
        string a = owned ? "dev_a" : "dev_other_1";
        string b = owned ? "dev_b" : "dev_other_2";
        return tool switch
        {
            ToolNames.SetVolume => new() { Tool = tool, DeviceIds = [a], Volume = 30 },
            ToolNames.ChangeVolume => new() { Tool = tool, DeviceIds = [a], VolumeStep = -10 },
            ToolNames.SetPower => new() { Tool = tool, DeviceIds = [a], Power = PowerState.Off },
            ToolNames.MoveDevice => new() { Tool = tool, DeviceIds = [a], TargetRoom = "dining_room" },
            ToolNames.PlayMusic => new() { Tool = tool, DeviceIds = [a], Music = "jazz" },
            ToolNames.PlayMultiRoom => new() { Tool = tool, DeviceIds = [a, b], Music = "jazz" },
            _ when ToolNames.TakesNoDevice(tool) => new() { Tool = tool },
            _ => new() { Tool = tool, DeviceIds = [a] },
        };
    }

    public static TheoryData<string, string, bool> EveryToolTierAndOwnership()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (string tool in ToolNames.All)
        {
            foreach (ServiceLevel tier in SeedData.Default.ServiceLevels)
            {
                data.Add(tool, tier.Level, true);
                if (!ToolNames.TakesNoDevice(tool))
                {
                    data.Add(tool, tier.Level, false);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryToolTierAndOwnership))]
    public void Every_action_tier_and_ownership(string tool, string level, bool owned)
    {
        ServiceLevel tier = Catalog.Find(level)!;
        string action = ToolNames.RequiredAction(tool)!;

        GateDecision decision = Gate.Check(CustomerOn(level), tier, ValidCommand(tool, owned));

        if (!tier.Allows(action))
        {
            Assert.False(decision.Allowed);
            Assert.Equal(RefusalKind.Tier, decision.Kind);
            string lowest = Catalog.Levels.First(l => l.Allows(action)).Level;
            Assert.Equal(lowest, decision.UpgradeTo);
            Assert.Contains(lowest, decision.Reason);
            Assert.Contains(level, decision.Reason);
        }
        else if (!owned)
        {
            Assert.False(decision.Allowed);
            Assert.Equal(RefusalKind.Ownership, decision.Kind);
            Assert.Contains("dev_other_1", decision.Reason);
            Assert.Contains("dev_a", decision.Reason);
        }
        else
        {
            Assert.True(decision.Allowed, decision.Reason);
            Assert.Equal(action, decision.Action);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(1000)]
    public void Volume_outside_0_to_100_is_refused_with_the_range(int volume)
    {
        GateDecision decision = Gate.Check(CustomerOn("basic"), Catalog.Find("basic")!, new DeviceCommand { Tool = ToolNames.SetVolume, DeviceIds = ["dev_a"], Volume = volume });
        Assert.Equal(RefusalKind.Argument, decision.Kind);
        Assert.Contains("0 to 100", decision.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Volume_at_the_edges_is_allowed(int volume) =>
        Assert.True(Gate.Check(CustomerOn("basic"), Catalog.Find("basic")!, new DeviceCommand { Tool = ToolNames.SetVolume, DeviceIds = ["dev_a"], Volume = volume }).Allowed);

    [Theory]
    [InlineData(ToolNames.SetVolume)]
    [InlineData(ToolNames.PlayMusic)]
    [InlineData(ToolNames.SkipTrack)]
    public void A_hub_has_no_speaker(string tool)
    {
        GateDecision decision = Gate.Check(CustomerOn("enterprise"), Catalog.Find("enterprise")!,
            new DeviceCommand { Tool = tool, DeviceIds = ["dev_c"], Volume = 10, Music = "jazz" });
        Assert.False(decision.Allowed);
        Assert.Contains("no speaker", decision.Reason);
    }

    [Fact]
    public void A_hub_in_a_multi_room_group_is_refused()
    {
        GateDecision decision = Gate.Check(CustomerOn("enterprise"), Catalog.Find("enterprise")!,
            new DeviceCommand { Tool = ToolNames.PlayMultiRoom, DeviceIds = ["dev_a", "dev_c"], Music = "jazz" });
        Assert.False(decision.Allowed);
        Assert.Contains("hub", decision.Reason);
    }

    [Theory]
    [InlineData("attic", "don't know a room")]
    [InlineData("living_room", "already in the living room")]
    [InlineData("", "Which room")]
    public void Moving_needs_a_known_other_room(string room, string expected)
    {
        GateDecision decision = Gate.Check(CustomerOn("premium"), Catalog.Find("premium")!,
            new DeviceCommand { Tool = ToolNames.MoveDevice, DeviceIds = ["dev_a"], TargetRoom = room });
        Assert.Equal(RefusalKind.Argument, decision.Kind);
        Assert.Contains(expected, decision.Reason);
    }

    [Fact]
    public void What_to_play_is_bounded_in_length()
    {
        ServiceLevel premium = Catalog.Find("premium")!;
        string tooLong = new('j', CustomerLimits.MaxMusicLength + 1);

        GateDecision refused = Gate.Check(CustomerOn("premium"), premium, new DeviceCommand { Tool = ToolNames.PlayMusic, DeviceIds = ["dev_a"], Music = tooLong });

        Assert.Equal(RefusalKind.Argument, refused.Kind);
        Assert.Contains($"at most {CustomerLimits.MaxMusicLength} characters", refused.Reason);
        Assert.True(Gate.Check(CustomerOn("premium"), premium, new DeviceCommand { Tool = ToolNames.PlayMusic, DeviceIds = ["dev_a"], Music = tooLong[1..] }).Allowed);
    }

    [Fact]
    public void A_multi_room_group_needs_two_devices_and_fits_the_tiers_maximum()
    {
        ServiceLevel enterprise = Catalog.Find("enterprise")!;
        Assert.Equal(RefusalKind.Argument, Gate.Check(CustomerOn("enterprise"), enterprise,
            new DeviceCommand { Tool = ToolNames.PlayMultiRoom, DeviceIds = ["dev_a"], Music = "jazz" }).Kind);

        Customer big = CustomerOn("enterprise") with
        {
            Devices = Enumerable.Range(1, 11).Select(i => new Device { Id = $"dev_{i}", Type = DeviceType.SmartSpeaker, Name = $"Speaker {i}", Location = "office" }).ToArray(),
        };
        GateDecision tooMany = Gate.Check(big, enterprise, new DeviceCommand { Tool = ToolNames.PlayMultiRoom, DeviceIds = big.Devices.Select(d => d.Id).ToArray(), Music = "jazz" });
        Assert.False(tooMany.Allowed);
        Assert.Contains("at most 10", tooMany.Reason);
        Assert.True(Gate.Check(big, enterprise, new DeviceCommand { Tool = ToolNames.PlayMultiRoom, DeviceIds = big.Devices.Take(10).Select(d => d.Id).ToArray(), Music = "jazz" }).Allowed);
    }

    [Fact]
    public void An_offline_device_cannot_be_changed_but_can_be_checked()
    {
        Customer customer = CustomerOn("basic");
        customer = customer.WithDevice(customer.Devices[0] with { Status = DeviceStatus.Offline });
        ServiceLevel basic = Catalog.Find("basic")!;
        Assert.Equal(RefusalKind.DeviceState, Gate.Check(customer, basic, new DeviceCommand { Tool = ToolNames.SetVolume, DeviceIds = ["dev_a"], Volume = 5 }).Kind);
        Assert.True(Gate.Check(customer, basic, new DeviceCommand { Tool = ToolNames.GetDeviceStatus, DeviceIds = ["dev_a"] }).Allowed);
    }

    [Fact]
    public void An_unknown_tool_is_refused()
    {
        GateDecision decision = Gate.Check(CustomerOn("enterprise"), Catalog.Find("enterprise")!, new DeviceCommand { Tool = "format_disk", DeviceIds = ["dev_a"] });
        Assert.False(decision.Allowed);
        Assert.Contains("format_disk", decision.Reason);
    }

    [Fact]
    public void Power_must_be_on_or_off()
    {
        GateDecision decision = Gate.Check(CustomerOn("basic"), Catalog.Find("basic")!, new DeviceCommand { Tool = ToolNames.SetPower, DeviceIds = ["dev_a"], Power = "explode" });
        Assert.Equal(RefusalKind.Argument, decision.Kind);
    }
}
