using ServiceBot.Server.Hosting;

if (TokenCommand.Matches(args))
{
    return TokenCommand.Run(args);
}

await using WebApplication app = ServiceBotApp.Create(args);
await app.RunAsync();
return 0;
