using System.Text.Json;
using Microsoft.Extensions.Options;
using ServiceBot.Core;
using ServiceBot.Core.Customers;
using ServiceBot.Core.Frames;
using ServiceBot.Core.ServiceLevels;
using ServiceBot.Lambda.Events;
using ServiceBot.Lambda.Runtime;

namespace ServiceBot.Lambda.Functions;

/// <summary>
/// <c>http</c>: the protocol's two read-only HTTP routes behind an HTTP API, so the web front end works the same
/// on AWS: <c>GET /api/customers</c> (404 while demo sign-in is off) and <c>GET /api/service-levels</c>.
/// </summary>
internal sealed class HttpApiFunction(ICustomerStore customers, ServiceLevelDirectory levels, IOptions<ServiceBotOptions> options) : ILambdaFunction
{
    public async Task<byte[]> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        HttpApiEvent request = EventReader.Read(invocation.Payload, LambdaJson.Default.HttpApiEvent);
        string method = request.RequestContext?.Http?.Method ?? "GET";
        string path = (request.RawPath ?? request.RequestContext?.Http?.Path ?? "/").TrimEnd('/');
        HttpApiResponse response = (method, path) switch
        {
            ("GET", "/api/customers") => await CustomersAsync(cancellationToken).ConfigureAwait(false),
            ("GET", "/api/service-levels") => Json(JsonSerializer.Serialize((await levels.GetCatalogAsync(cancellationToken).ConfigureAwait(false)).Levels, FrameJson.Default.IReadOnlyListServiceLevel)),
            _ => new HttpApiResponse(404, null, null),
        };
        return JsonSerializer.SerializeToUtf8Bytes(response, LambdaJson.Default.HttpApiResponse);
    }

    private async Task<HttpApiResponse> CustomersAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Auth.DemoSignInEnabled)
        {
            return new HttpApiResponse(404, null, null);
        }

        IReadOnlyList<Customer> all = await customers.ListAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<CustomerSummary> summaries = all.Select(c => new CustomerSummary(c.Id, c.Name, c.ServiceLevel)).ToArray();
        return Json(JsonSerializer.Serialize(summaries, FrameJson.Default.IReadOnlyListCustomerSummary));
    }

    private static HttpApiResponse Json(string body) =>
        new(200, new Dictionary<string, string> { ["content-type"] = "application/json; charset=utf-8", ["cache-control"] = "no-store" }, body);
}
