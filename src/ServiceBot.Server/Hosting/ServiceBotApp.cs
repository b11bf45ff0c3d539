using ServiceBot.Server.Endpoints;
using ServiceBot.Server.Gateway;

namespace ServiceBot.Server.Hosting;

/// <summary>The self-hosted server, composed: what Program runs and what the tests start on a loopback port.</summary>
public static class ServiceBotApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
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
