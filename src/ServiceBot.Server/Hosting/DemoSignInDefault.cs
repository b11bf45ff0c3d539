using System.Net;
using Microsoft.Extensions.Options;
using ServiceBot.Core;

namespace ServiceBot.Server.Hosting;

/// <summary>
/// Demo sign-in lets anyone be any customer, so when it is not set it is on only where nobody else can reach the
/// server: every listen address is loopback and no signing key is configured (a key means real sign-in is wanted).
/// Set explicitly, the setting wins.
/// </summary>
internal sealed class DemoSignInDefault(IConfiguration config) : IPostConfigureOptions<ServiceBotOptions>
{
    /// <summary>Kestrel's address when none is configured.</summary>
    private const string DefaultUrl = "http://localhost:5000";

    public void PostConfigure(string? name, ServiceBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Auth.DemoSignIn ??= string.IsNullOrEmpty(options.Auth.SigningKey) && ListensOnLoopbackOnly(config);
    }

    internal static bool ListensOnLoopbackOnly(IConfiguration config)
    {
        // http_ports / https_ports and Kestrel endpoint sections bind other interfaces than the URLs say; treat them as public.
        if (!string.IsNullOrEmpty(config["http_ports"]) || !string.IsNullOrEmpty(config["https_ports"])
            || config.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            return false;
        }

        string urls = config["urls"] is { Length: > 0 } configured ? configured : DefaultUrl;
        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(IsLoopback);
    }

    private static bool IsLoopback(string url)
    {
        // "http://+:80", "http://*:80" and "http://0.0.0.0:80" do not parse as hosts we know: all of them listen everywhere.
        int start = url.IndexOf("://", StringComparison.Ordinal);
        string rest = start < 0 ? url : url[(start + 3)..];
        string host = rest.Split('/')[0];
        host = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address);
    }
}
