using System.Text.Json;
using ServiceBot.Core.Auth;
using ServiceBot.Lambda.Events;
using ServiceBot.Lambda.Runtime;

namespace ServiceBot.Lambda.Functions;

/// <summary>
/// <c>authorize</c>: the REQUEST authorizer of <c>$connect</c>. The core decides from <c>customerId</c> or
/// <c>token</c> (or, for the support console, <c>staffId</c> or a staff token); an accepted customer becomes the
/// principal and the <c>customerId</c> of the policy's context (with the <c>role</c>),
/// which API Gateway repeats on every later event of the connection. A refusal is the function error
/// "Unauthorized", which API Gateway answers with 401 (a Deny policy would be a 403).
/// </summary>
internal sealed class AuthorizeFunction(AuthorizeHandler authorizer) : ILambdaFunction
{
    public async Task<byte[]> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        AuthorizerEvent request = EventReader.Read(invocation.Payload, LambdaJson.Default.AuthorizerEvent);
        if (string.IsNullOrEmpty(request.MethodArn))
        {
            throw LambdaFunctionException.Unauthorized();
        }

        AuthorizeResult result = await authorizer.AuthorizeAsync(
            new AuthorizeRequest(request.Query("customerId"), request.Query("token"))
            {
                StaffId = request.Query("staffId"),
                Origin = request.Header("Origin"),
                Host = request.Header("Host"),
            }, cancellationToken).ConfigureAwait(false);
        if (!result.Allowed)
        {
            throw LambdaFunctionException.Unauthorized();
        }

        return JsonSerializer.SerializeToUtf8Bytes(AuthorizerResponse.Allow(result.CustomerId!, request.MethodArn, result.Role), LambdaJson.Default.AuthorizerResponse);
    }
}
