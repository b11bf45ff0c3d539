namespace ServiceBot.Lambda.Runtime;

/// <summary>One Lambda function of the package: takes an event's JSON, returns the response's JSON.</summary>
internal interface ILambdaFunction
{
    Task<byte[]> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken);
}
