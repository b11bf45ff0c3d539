namespace ServiceBot.Lambda.Runtime;

/// <summary>One event handed out by the Runtime API's <c>next</c>, with the headers that describe it.</summary>
internal sealed record LambdaInvocation(
    string RequestId,
    DateTimeOffset Deadline,
    string? InvokedFunctionArn,
    string? TraceId,
    byte[] Payload);

/// <summary>The error document the Runtime API takes (<c>errorMessage</c>, <c>errorType</c>, <c>stackTrace</c>).</summary>
internal sealed record LambdaError(string ErrorMessage, string ErrorType, IReadOnlyList<string>? StackTrace = null)
{
    public static LambdaError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is LambdaFunctionException declared)
        {
            // A deliberate answer (the authorizer's "Unauthorized"): no stack trace, the message is the contract.
            return new LambdaError(declared.Message, declared.ErrorType);
        }

        string[] trace = exception.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return new LambdaError(exception.Message, exception.GetType().Name, trace);
    }
}

/// <summary>
/// A function's deliberate failure: the Runtime API gets <see cref="Exception.Message"/> as <c>errorMessage</c>.
/// API Gateway answers an authorizer that fails with the message "Unauthorized" with HTTP 401.
/// </summary>
internal sealed class LambdaFunctionException : Exception
{
    public LambdaFunctionException(string message, string errorType) : base(message) => ErrorType = errorType;

    public LambdaFunctionException() : this("Function error", "Function.Error")
    {
    }

    public LambdaFunctionException(string message) : this(message, "Function.Error")
    {
    }

    public LambdaFunctionException(string message, Exception innerException) : base(message, innerException) => ErrorType = "Function.Error";

    public string ErrorType { get; }

    public static LambdaFunctionException Unauthorized() => new("Unauthorized", "Unauthorized");
}
