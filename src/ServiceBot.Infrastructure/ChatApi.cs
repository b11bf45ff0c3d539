using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AwsApigatewayv2Authorizers;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Constructs;

namespace ServiceBot.Infrastructure;

/// <summary>
/// The WebSocket API of docs/protocol.md: routes chosen by <c>$request.body.action</c>; <c>$connect</c> behind the
/// REQUEST authorizer; sendMessage, getProfile, getHistory and <c>$default</c> (unknown actions, answered with an
/// error frame by the core) all go to the message function. Plus the HTTP API for the two read-only routes.
/// </summary>
internal sealed class ChatApi : Construct
{
    public static readonly string[] MessageRoutes =
    [
        "sendMessage", "getProfile", "getHistory",
        "getQueue", "getTranscript", "takeConversation", "sendAgentMessage", "handBack", "closeConversation", "getUpgradeDemand",
    ];

    public ChatApi(Construct scope, string id, StackSettings settings, BotFunctions functions) : base(scope, id)
    {
        var messages = new WebSocketLambdaIntegration("Message", functions.Message);
        WebSocket = new WebSocketApi(this, "WebSocket", new WebSocketApiProps
        {
            ApiName = $"servicebot-{settings.EnvironmentName}",
            Description = "ServiceBot chat (docs/protocol.md frames)",
            RouteSelectionExpression = "$request.body.action",
            ConnectRouteOptions = new WebSocketRouteOptions
            {
                Integration = new WebSocketLambdaIntegration("Connect", functions.Connect),
                // No identity source: API Gateway would answer 401 without calling the authorizer whenever one is
                // missing, and a client sends customerId OR token. The authorizer itself refuses when both are absent.
                Authorizer = new WebSocketLambdaAuthorizer("Authorizer", functions.Authorize, new WebSocketLambdaAuthorizerProps
                {
                    AuthorizerName = "customer",
                    IdentitySource = [],
                }),
            },
            DisconnectRouteOptions = new WebSocketRouteOptions { Integration = new WebSocketLambdaIntegration("Disconnect", functions.Disconnect) },
            DefaultRouteOptions = new WebSocketRouteOptions { Integration = messages },
        });
        foreach (string route in MessageRoutes)
        {
            WebSocket.AddRoute(route, new WebSocketRouteOptions { Integration = messages });
        }

        Stage = new WebSocketStage(this, "Stage", new WebSocketStageProps
        {
            WebSocketApi = WebSocket,
            StageName = settings.EnvironmentName,
            AutoDeploy = true,
            Throttle = settings.IsProd
                ? new ThrottleSettings { RateLimit = 500, BurstLimit = 1000 }
                : new ThrottleSettings { RateLimit = 50, BurstLimit = 100 },
        });
        WebSocket.GrantManageConnections(functions.Message);
        // A scheduled event names no API: the schedule function is given the stage's @connections endpoint and the right to post there.
        Stage.GrantManagementApiAccess(functions.Schedule);
        functions.Schedule.AddEnvironment("ServiceBot__Gateway__ManagementEndpoint", Stage.CallbackUrl);

        Http = new HttpApi(this, "Http", new HttpApiProps
        {
            ApiName = $"servicebot-{settings.EnvironmentName}-http",
            Description = "ServiceBot: /api/customers and /api/service-levels for the web front end",
            // The site calls these on its own origin (CloudFront forwards /api/*), so it needs no CORS; other origins
            // get none unless listed explicitly.
            CorsPreflight = settings.ExtraAllowedOrigins.Count == 0 ? null : new CorsPreflightOptions
            {
                AllowOrigins = [.. settings.ExtraAllowedOrigins],
                AllowMethods = [CorsHttpMethod.GET, CorsHttpMethod.OPTIONS],
                AllowHeaders = ["accept"],
                MaxAge = Duration.Hours(1),
            },
            CreateDefaultStage = false,
        });
        var routes = new HttpLambdaIntegration("HttpRoutes", functions.Http);
        foreach (string path in new[] { "/api/customers", "/api/service-levels" })
        {
            Http.AddRoutes(new AddRoutesOptions { Path = path, Methods = [Amazon.CDK.AWS.Apigatewayv2.HttpMethod.GET], Integration = routes });
        }

        HttpStage = new HttpStage(this, "HttpStage", new HttpStageProps
        {
            HttpApi = Http,
            StageName = "$default",
            AutoDeploy = true,
            Throttle = new ThrottleSettings { RateLimit = 20, BurstLimit = 50 },
        });
    }

    public WebSocketApi WebSocket { get; }

    public WebSocketStage Stage { get; }

    public HttpApi Http { get; }

    public HttpStage HttpStage { get; }

    /// <summary>The API's own host name (what CloudFront forwards <c>/ws</c> to).</summary>
    public string WebSocketHost => $"{WebSocket.ApiId}.execute-api.{Aws.REGION}.{Aws.URL_SUFFIX}";

    public string HttpHost => $"{Http.ApiId}.execute-api.{Aws.REGION}.{Aws.URL_SUFFIX}";
}
