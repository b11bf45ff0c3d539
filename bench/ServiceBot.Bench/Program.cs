using ServiceBot.Bench;

// dotnet run -c Release --project bench/ServiceBot.Bench [-- --seconds 10 --server path/to/ServiceBot.Server.dll]
if (args.Length > 0 && args[0] == "serve-floor")
{
    await FloorServer.RunAsync(args[1..]);
    return 0;
}

return await BenchRunner.RunAsync(args);
