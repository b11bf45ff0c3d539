namespace ServiceBot.Lambda.Hosting;

/// <summary>The <c>_HANDLER</c> values (docs/protocol.md, "Lambda functions"): each is its own Lambda function of this one package.</summary>
public static class FunctionNames
{
    public const string Authorize = "authorize";
    public const string Connect = "connect";
    public const string Disconnect = "disconnect";
    public const string Message = "message";
    public const string Seed = "seed";

    /// <summary>The read-only HTTP routes of the front end (<c>/api/customers</c>, <c>/api/service-levels</c>) behind an HTTP API.</summary>
    public const string Http = "http";

    /// <summary>Runs the timers and scheduled routines that are due; an EventBridge rule invokes it every minute.</summary>
    public const string Schedule = "schedule";

    public static IReadOnlyList<string> All { get; } = [Authorize, Connect, Disconnect, Message, Seed, Http, Schedule];
}
