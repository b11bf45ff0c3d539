using ServiceBot.ClaudeBench;

// dotnet run -c Release --project bench/ServiceBot.ClaudeBench [-- --seconds 10 --warmup 10 --conversations 32]
return await ClaudeBench.RunAsync(args);
