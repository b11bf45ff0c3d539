using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace ServiceBot.Infrastructure;

/// <summary>
/// Alarms on what a customer would notice (errors, throttling, slow answers) to an SNS topic, and one dashboard
/// with the functions, the WebSocket API and the tables side by side.
/// </summary>
internal sealed class Monitoring : Construct
{
    public Monitoring(Construct scope, string id, StackSettings settings, BotFunctions functions, ChatApi api, DataTables tables) : base(scope, id)
    {
        Topic = new Topic(this, "Alarms", new TopicProps { DisplayName = $"ServiceBot {settings.EnvironmentName} alarms" });
        if (settings.AlarmEmail is { } email)
        {
            Topic.AddSubscription(new EmailSubscription(email));
        }

        var action = new SnsAction(Topic);
        var fiveMinutes = Duration.Minutes(5);
        foreach (Function function in functions.All)
        {
            string name = function.Node.Id;
            // A refused sign-in is the authorizer's "Unauthorized" error by design: only a flood of them is news.
            double errorThreshold = function == functions.Authorize ? 50 : 1;
            Alarm(name + "Errors", $"{name}: function errors", function.MetricErrors(new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }),
                errorThreshold, 1, action);
            Alarm(name + "Throttles", $"{name}: invocations throttled", function.MetricThrottles(new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }),
                1, 1, action);
            double p99Ms = function == functions.Message ? 20_000 : function == functions.Seed ? 120_000 : 3_000;
            Alarm(name + "Latency", $"{name}: p99 duration above {p99Ms / 1000} s", function.MetricDuration(new MetricOptions { Period = fiveMinutes, Statistic = "p99" }),
                p99Ms, 3, action, datapointsToAlarm: 2);
        }

        Metric ApiMetric(string metric, string statistic) => new(new MetricProps
        {
            Namespace = "AWS/ApiGateway",
            MetricName = metric,
            DimensionsMap = new Dictionary<string, string> { ["ApiId"] = api.WebSocket.ApiId, ["Stage"] = api.Stage.StageName },
            Statistic = statistic,
            Period = fiveMinutes,
        });
        Alarm("ApiExecutionErrors", "WebSocket API: execution errors", ApiMetric("ExecutionError", "Sum"), 1, 1, action);
        Alarm("ApiIntegrationErrors", "WebSocket API: integration errors", ApiMetric("IntegrationError", "Sum"), 5, 1, action);
        Alarm("ApiLatency", "WebSocket API: p99 integration latency above 20 s", ApiMetric("IntegrationLatency", "p99"), 20_000, 3, action, datapointsToAlarm: 2);

        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps
        {
            DashboardName = $"ServiceBot-{settings.EnvironmentName}",
            DefaultInterval = Duration.Hours(3),
        });
        Dashboard.AddWidgets(
            Graph("Invocations", functions.All.Select(f => (IMetric)f.MetricInvocations(new MetricOptions { Label = f.Node.Id, Period = fiveMinutes }))),
            Graph("Errors", functions.All.Select(f => (IMetric)f.MetricErrors(new MetricOptions { Label = f.Node.Id, Period = fiveMinutes }))),
            Graph("Duration p99 (ms)", functions.All.Select(f => (IMetric)f.MetricDuration(new MetricOptions { Label = f.Node.Id, Statistic = "p99", Period = fiveMinutes }))));
        Dashboard.AddWidgets(
            Graph("Connections and frames", [ApiMetric("ConnectCount", "Sum"), ApiMetric("MessageCount", "Sum")]),
            Graph("WebSocket API errors", [ApiMetric("ClientError", "Sum"), ApiMetric("ExecutionError", "Sum"), ApiMetric("IntegrationError", "Sum")]),
            Graph("Integration latency p99 (ms)", [ApiMetric("IntegrationLatency", "p99")]));
        Dashboard.AddWidgets(
            Graph("DynamoDB read units", tables.All
                .Select(t => (IMetric)t.MetricConsumedReadCapacityUnits(new MetricOptions { Label = t.Node.Id, Period = fiveMinutes }))),
            Graph("DynamoDB write units", tables.All
                .Select(t => (IMetric)t.MetricConsumedWriteCapacityUnits(new MetricOptions { Label = t.Node.Id, Period = fiveMinutes }))),
            // Each table's throttling is a math expression over its operations; one graph per table keeps their ids apart.
            Graph("Messages throttled requests", [tables.Messages.MetricThrottledRequestsForOperations(new OperationsMetricOptions { Period = fiveMinutes })]));
        Dashboard.AddWidgets(
            Graph("Customers throttled requests", [tables.Customers.MetricThrottledRequestsForOperations(new OperationsMetricOptions { Period = fiveMinutes })]));
    }

    public Topic Topic { get; }

    public Dashboard Dashboard { get; }

    private void Alarm(string id, string description, IMetric metric, double threshold, int periods, IAlarmAction action, int? datapointsToAlarm = null)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            EvaluationPeriods = periods,
            DatapointsToAlarm = datapointsToAlarm,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        alarm.AddAlarmAction(action);
        alarm.AddOkAction(action);
    }

    private static GraphWidget Graph(string title, IEnumerable<IMetric> metrics) =>
        new(new GraphWidgetProps { Title = title, Left = metrics.ToArray(), Width = 8, Height = 6 });
}
