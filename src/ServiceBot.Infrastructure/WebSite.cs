using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Constructs;
using Function = Amazon.CDK.AWS.CloudFront.Function;
using FunctionProps = Amazon.CDK.AWS.CloudFront.FunctionProps;

namespace ServiceBot.Infrastructure;

/// <summary>
/// The web front end on a private S3 bucket behind CloudFront (origin access control). The same distribution
/// forwards <c>/api/*</c> to the HTTP API and <c>/ws</c> to the WebSocket API's stage, so the front end built for
/// the self-hosted server works unchanged: same origin, <c>wss://SITE/ws?customerId=...</c>.
/// </summary>
internal sealed class WebSite : Construct
{
    public WebSite(Construct scope, string id, StackSettings settings, ChatApi api) : base(scope, id)
    {
        Bucket = new Bucket(this, "Assets", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            RemovalPolicy = settings.IsProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            AutoDeleteObjects = !settings.IsProd,
        });

        // API Gateway serves a WebSocket API only at /{stage}: the viewer's /ws becomes exactly that path.
        var toStage = new Function(this, "WsPath", new FunctionProps
        {
            Comment = "ServiceBot: /ws -> the WebSocket API's stage path",
            Runtime = FunctionRuntime.JS_2_0,
            Code = FunctionCode.FromInline(
                "function handler(event) { var request = event.request; request.uri = '/" + settings.EnvironmentName + "'; return request; }"),
        });

        var passThrough = new BehaviorOptions
        {
            Origin = new HttpOrigin(api.HttpHost, new HttpOriginProps { ProtocolPolicy = OriginProtocolPolicy.HTTPS_ONLY }),
            ViewerProtocolPolicy = ViewerProtocolPolicy.HTTPS_ONLY,
            AllowedMethods = AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
            CachePolicy = CachePolicy.CACHING_DISABLED,
            OriginRequestPolicy = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        };

        Distribution = new Distribution(this, "Distribution", new DistributionProps
        {
            Comment = $"ServiceBot {settings.EnvironmentName}",
            DefaultRootObject = "index.html",
            MinimumProtocolVersion = SecurityPolicyProtocol.TLS_V1_2_2021,
            PriceClass = PriceClass.PRICE_CLASS_100,
            DefaultBehavior = new BehaviorOptions
            {
                Origin = S3BucketOrigin.WithOriginAccessControl(Bucket),
                ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                CachePolicy = CachePolicy.CACHING_OPTIMIZED,
                ResponseHeadersPolicy = ResponseHeadersPolicy.SECURITY_HEADERS,
            },
            AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>
            {
                ["/api/*"] = passThrough,
                ["/ws"] = new BehaviorOptions
                {
                    Origin = new HttpOrigin(api.WebSocketHost, new HttpOriginProps { ProtocolPolicy = OriginProtocolPolicy.HTTPS_ONLY }),
                    ViewerProtocolPolicy = ViewerProtocolPolicy.HTTPS_ONLY,
                    AllowedMethods = AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
                    CachePolicy = CachePolicy.CACHING_DISABLED,
                    // Carries the query string (customerId / token) and the Sec-WebSocket-* upgrade headers.
                    OriginRequestPolicy = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
                    FunctionAssociations = [new FunctionAssociation { EventType = FunctionEventType.VIEWER_REQUEST, Function = toStage }],
                },
            },
            // No custom error pages: they would apply to /api/* too and turn its 404 (demo sign-in off) into a page.
        });

        ISource source = settings.SiteAssets is { } folder
            ? Source.Asset(folder)
            : Source.Data("index.html",
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ServiceBot</title></head><body><main>" +
                "<h1>ServiceBot</h1><p>The web front end was not built when this stack was deployed: run <code>dotnet build src/ServiceBot.Server</code> " +
                "and deploy again. The bot itself is up: connect a WebSocket client to <code>/ws?customerId=cust_002</code>.</p></main></body></html>");
        _ = new BucketDeployment(this, "Deploy", new BucketDeploymentProps
        {
            Sources = [source],
            DestinationBucket = Bucket,
            Distribution = Distribution,
            DistributionPaths = ["/*"],
            MemoryLimit = 256,
        });
    }

    public Bucket Bucket { get; }

    public Distribution Distribution { get; }

    public string Url => $"https://{Distribution.DistributionDomainName}";
}
