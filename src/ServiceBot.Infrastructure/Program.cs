using Amazon.CDK;
using ServiceBot.Infrastructure;

var app = new App();
ServiceBotStack.Create(app, StackSettings.From(app.Node));
app.Synth();
