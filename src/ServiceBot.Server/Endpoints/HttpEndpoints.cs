using Microsoft.Extensions.Options;
using ServiceBot.Core;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Frames;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Server.Hosting;

namespace ServiceBot.Server.Endpoints;

internal static class HttpEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (StartupState state) =>
            state.Ready ? Results.Text("ok") : Results.Text("starting", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }

    /// <summary>The sample customers for demo sign-in; 404 when demo sign-in is off.</summary>
    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/customers", async (ICustomerStore customers, IOptions<ServiceBotOptions> options, CancellationToken ct) =>
        {
            if (!options.Value.Auth.DemoSignInEnabled)
            {
                return Results.NotFound();
            }

            IReadOnlyList<Customer> all = await customers.ListAsync(ct);
            IReadOnlyList<CustomerSummary> summaries = all.Select(c => new CustomerSummary(c.Id, c.Name, c.ServiceLevel)).ToArray();
            return Results.Json(summaries, FrameJson.Default.IReadOnlyListCustomerSummary);
        });
        return app;
    }

    public static IEndpointRouteBuilder MapServiceLevelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/service-levels", async (ServiceLevelDirectory levels, CancellationToken ct) =>
        {
            ServiceLevelCatalog catalog = await levels.GetCatalogAsync(ct);
            return Results.Json(catalog.Levels, FrameJson.Default.IReadOnlyListServiceLevel);
        });
        return app;
    }

    /// <summary>A plain page at <c>/</c> when the web front end is not built (wwwroot/index.html missing).</summary>
    public static WebApplication MapFallbackPage(this WebApplication app)
    {
        if (app.Environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
        {
            return app;
        }

        app.MapGet("/", () => Results.Content("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>ServiceBot</title></head>
            <body><main>
            <h1>ServiceBot</h1>
            <p>The bot is running. Connect a WebSocket client to <code>/ws?customerId=cust_002</code> and send
            <code>{"action":"sendMessage","message":"the kitchen display is too loud, make it 20"}</code>.</p>
            <p>Sample customers: <a href="/api/customers">/api/customers</a>; tiers: <a href="/api/service-levels">/api/service-levels</a>.</p>
            </main></body></html>
            """, "text/html"));
        return app;
    }
}
