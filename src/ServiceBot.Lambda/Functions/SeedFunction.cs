using System.Globalization;
using Microsoft.Extensions.Logging;
using ServiceBot.Core.Seeding;
using ServiceBot.Lambda.CloudFormation;
using ServiceBot.Lambda.Events;
using ServiceBot.Lambda.Runtime;

namespace ServiceBot.Lambda.Functions;

/// <summary>
/// <c>seed</c>: the CloudFormation custom resource that loads the service levels and sample customers. Create and
/// Update seed (idempotently: a second run changes nothing, and customers' device state is kept); Delete leaves
/// the data alone (prod tables are retained, dev tables go with the stack). Whatever happens, CloudFormation gets
/// an answer at <c>ResponseURL</c>, or the stack would wait for an hour.
/// </summary>
internal sealed partial class SeedFunction(
    SeedHandler seed,
    ICustomResourceResponder responder,
    TimeProvider time,
    ILogger<SeedFunction> logger) : ILambdaFunction
{
    public const string PhysicalId = "servicebot-seed";

    /// <summary>Time kept back from the deadline to answer CloudFormation even when seeding hangs.</summary>
    private static readonly TimeSpan AnswerReserve = TimeSpan.FromSeconds(5);

    public async Task<byte[]> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        CustomResourceEvent request = EventReader.Read(invocation.Payload, CloudFormationJson.Default.CustomResourceEvent);
        if (!Uri.TryCreate(request.ResponseUrl, UriKind.Absolute, out Uri? responseUrl))
        {
            throw new InvalidDataException("The custom resource event has no ResponseURL to answer.");
        }

        CustomResourceResponse response;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            TimeSpan left = invocation.Deadline - time.GetUtcNow() - AnswerReserve;
            if (invocation.Deadline != DateTimeOffset.MaxValue)
            {
                if (left <= TimeSpan.Zero)
                {
                    deadline.Cancel();
                }
                else
                {
                    deadline.CancelAfter(left);
                }
            }

            // Not even starting without the time to finish: a half-applied seed is fine (it is idempotent), a silent stack is not.
            deadline.Token.ThrowIfCancellationRequested();
            Dictionary<string, string> data = await ApplyAsync(request, deadline.Token).ConfigureAwait(false);
            response = Answer(request, "SUCCESS", null, data);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(logger, ex, request.RequestType ?? "?");
            response = Answer(request, "FAILED", $"Seeding failed: {ex.Message}", null);
        }

        await responder.SendAsync(responseUrl, response, CancellationToken.None).ConfigureAwait(false);
        return "{}"u8.ToArray();
    }

    private async Task<Dictionary<string, string>> ApplyAsync(CustomResourceEvent request, CancellationToken cancellationToken)
    {
        switch (request.RequestType)
        {
            case "Create" or "Update":
                SeedResult result = await seed.SeedAsync(SeedData.Default, cancellationToken).ConfigureAwait(false);
                return new Dictionary<string, string>
                {
                    ["ServiceLevelsWritten"] = result.ServiceLevelsWritten.ToString(CultureInfo.InvariantCulture),
                    ["CustomersAdded"] = result.CustomersAdded.ToString(CultureInfo.InvariantCulture),
                };
            case "Delete":
                return [];
            default:
                throw new InvalidDataException($"Unknown RequestType \"{request.RequestType}\".");
        }
    }

    private static CustomResourceResponse Answer(CustomResourceEvent request, string status, string? reason, Dictionary<string, string>? data) => new()
    {
        Status = status,
        Reason = reason,
        // Keeping the id CloudFormation knows means an update never looks like a replacement (which would delete).
        PhysicalResourceId = request.PhysicalResourceId is { Length: > 0 } id ? id : PhysicalId,
        StackId = request.StackId ?? string.Empty,
        RequestId = request.RequestId ?? string.Empty,
        LogicalResourceId = request.LogicalResourceId ?? string.Empty,
        Data = data,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "The seed custom resource ({RequestType}) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string requestType);
}
