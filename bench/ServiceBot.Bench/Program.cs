using System.Globalization;
using ServiceBot.Bench;

// dotnet run -c Release --project bench/ServiceBot.Bench [-- --seconds 10 --warmup 30 --idle 2000 --server path/to/ServiceBot.Server.dll]
// dotnet run -c Release --project bench/ServiceBot.Bench -- load <port> <connections> <seconds>
//   drives an already running server, e.g. while a profiler is attached to it.
// dotnet run -c Release --project bench/ServiceBot.Bench -- parts [--seconds 10 --connections 128]
//   what the durable store and the request analyzer cost alone, beside the floor's cost per exchange.
// dotnet run -c Release --project bench/ServiceBot.Bench -- startup [--server path/to/ServiceBot.Server.dll] [--starts 10]
//   times start-up to /healthz (the Debug build by default, as `dotnet run --project src/ServiceBot.Server` makes it).
if (args.Length > 0 && args[0] == "serve-floor")
{
    await FloorServer.RunAsync(args[1..]);
    return 0;
}

if (args.Length > 0 && args[0] == "startup")
{
    return await StartupBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "parts")
{
    return await PartsBench.RunAsync(args[1..]);
}

if (args.Length == 4 && args[0] == "load")
{
    LoadResult result = await LoadGenerator.RunAsync(
        int.Parse(args[1], CultureInfo.InvariantCulture),
        int.Parse(args[2], CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(2),
        TimeSpan.FromSeconds(double.Parse(args[3], CultureInfo.InvariantCulture)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{result.Connections} connections: {result.ExchangesPerSecond:F0} ex/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms ({result.Tail})"));
    return 0;
}

return await BenchRunner.RunAsync(args);
