using ServiceBot.Server.Endpoints;
using ServiceBot.Server.Gateway;

namespace ServiceBot.Server.Hosting;

/// <summary>The self-hosted server, composed: what Program runs and what the tests start on a loopback port.</summary>
public static class ServiceBotApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings are read once and validated at start, so nothing watches appsettings.json for changes: that watcher
        // covers the whole working directory, where the database lives, and woke on every write (4% of the CPU under load).
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        builder.AddServiceBot();
        configure?.Invoke(builder);

        WebApplication app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapWebSocketGateway();
        app.MapHealthEndpoint();
        app.MapCustomerEndpoints();
        app.MapServiceLevelEndpoints();
        app.MapFallbackPage();
        return app;
    }
}
