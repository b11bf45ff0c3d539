using ServiceBot.Testing;

// One DynamoDB Local for the whole assembly: the JVM takes seconds to start; each test makes its own tables.
[assembly: AssemblyFixture(typeof(DynamoDbLocal))]
