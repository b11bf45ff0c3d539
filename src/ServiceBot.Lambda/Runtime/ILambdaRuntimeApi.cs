namespace ServiceBot.Lambda.Runtime;

/// <summary>
/// The Lambda Runtime API (version 2018-06-01) as a custom runtime sees it: wait for the next event,
/// answer it, or report that it or the start-up failed.
/// </summary>
internal interface ILambdaRuntimeApi
{
    /// <summary>Long-polls <c>GET /runtime/invocation/next</c> until Lambda has an event.</summary>
    Task<LambdaInvocation> NextAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{id}/response</c>.</summary>
    Task RespondAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{id}/error</c>.</summary>
    Task ReportErrorAsync(string requestId, LambdaError error, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/init/error</c>: the function could not start; Lambda stops this instance.</summary>
    Task ReportInitErrorAsync(LambdaError error, CancellationToken cancellationToken);
}
