using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace ServiceBot.DynamoDb;

/// <summary>Explicit AttributeValue building and reading (no reflection: the Lambda host is Native AOT).</summary>
internal static class Attributes
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Bool(bool value) => new() { BOOL = value };

    public static AttributeValue L(IEnumerable<AttributeValue> values) => new() { L = [.. values] };

    public static AttributeValue L(IEnumerable<string> values) => L(values.Select(S));

    public static AttributeValue M(Dictionary<string, AttributeValue> map) => new() { M = map };

    /// <summary>Adds the attribute only when there is a value: DynamoDB items leave out what is null.</summary>
    public static void AddIfNotNull(this Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = S(value);
        }
    }

    public static void AddIfNotNull(this Dictionary<string, AttributeValue> item, string name, long? value)
    {
        if (value is not null)
        {
            item[name] = N(value.Value);
        }
    }

    public static string String(this Dictionary<string, AttributeValue> item, string name) =>
        item.StringOrNull(name) ?? throw new InvalidDataException($"The item has no string attribute \"{name}\".");

    public static string? StringOrNull(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out AttributeValue? value) && value.S is not null ? value.S : null;

    public static long Long(this Dictionary<string, AttributeValue> item, string name, long fallback = 0) =>
        item.LongOrNull(name) ?? fallback;

    public static long? LongOrNull(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out AttributeValue? value) && value.N is not null
            ? long.Parse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;

    public static bool Bool(this Dictionary<string, AttributeValue> item, string name, bool fallback) =>
        item.TryGetValue(name, out AttributeValue? value) && value.BOOL is bool b ? b : fallback;

    public static IEnumerable<Dictionary<string, AttributeValue>> Maps(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out AttributeValue? value) && value.L is not null
            ? value.L.Where(v => v.M is not null).Select(v => v.M)
            : [];

    public static Dictionary<string, AttributeValue>? MapOrNull(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out AttributeValue? value) ? value.M : null;

    public static string[] Strings(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out AttributeValue? value) && value.L is not null
            ? value.L.Where(v => v.S is not null).Select(v => v.S).ToArray()
            : [];
}
