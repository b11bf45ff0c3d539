using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ServiceBot.Server.Tests;

[CollectionDefinition(nameof(ObservabilityTests), DisableParallelization = true)]
public sealed class ObservabilityCollection;

/// <summary>What an operator sees: metrics of the ServiceBot meter, and logs that never carry what customers wrote.</summary>
[Collection(nameof(ObservabilityTests))]
public sealed class ObservabilityTests
{
    [Fact]
    public async Task Messages_and_actions_are_counted_by_action_and_tier()
    {
        var measurements = new ConcurrentBag<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ServiceBot")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        await using RunningServer server = await RunningServer.StartAsync();
        await using BotClient jane = await server.ConnectAsync("cust_001");
        await jane.ChatAsync("set the volume to 25");
        await jane.ChatAsync("play some jazz");

        Assert.Contains(measurements, m => m.Instrument == "servicebot.actions.executed"
            && Equals(m.Tags["action"], "volume_control") && Equals(m.Tags["tier"], "basic"));
        Assert.Contains(measurements, m => m.Instrument == "servicebot.actions.refused"
            && Equals(m.Tags["action"], "music_services") && Equals(m.Tags["tier"], "basic") && Equals(m.Tags["reason"], "Tier"));
        Assert.Equal(2, measurements.Count(m => m.Instrument == "servicebot.messages" && Equals(m.Tags["tier"], "basic")));
        Assert.Contains(measurements, m => m.Instrument == "servicebot.upgrade_demand" && Equals(m.Tags["kind"], "refusal")
            && Equals(m.Tags["action"], "music_services") && Equals(m.Tags["tier"], "basic") && Equals(m.Tags["upgrade_to"], "premium"));
    }

    [Fact]
    public async Task Information_logs_never_contain_the_customers_words()
    {
        var provider = new CapturingLoggerProvider();
        await using RunningServer server = await RunningServer.StartAsync(configure: b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Information);
            b.Logging.AddProvider(provider);
        });
        await using BotClient john = await server.ConnectAsync("cust_002");
        await john.ChatAsync("my secret phrase is purple-elephant, turn up the bedroom speaker");

        Assert.Contains(provider.Lines, l => l.Contains("Agent replied", StringComparison.Ordinal));
        Assert.DoesNotContain(provider.Lines, l => l.Contains("purple-elephant", StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    owner.Lines.Enqueue(formatter(state, exception) + " " + state);
                }
            }
        }
    }
}
