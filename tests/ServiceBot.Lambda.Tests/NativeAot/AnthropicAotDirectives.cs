using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Anthropic.Core;

namespace ServiceBot.Lambda.Tests.NativeAot;

/// <summary>
/// Works out the Native AOT directives (<c>src/ServiceBot.Lambda/Anthropic.rd.xml</c>) that let the Anthropic SDK
/// run in the Native AOT message function. The SDK serializes through System.Text.Json's reflection resolver, which
/// makes converters and type infos with <c>MakeGenericType</c>; Native AOT has code only for the instantiations it
/// was told of, and most of these are over value types (<c>ApiEnum</c>, <c>ImmutableArray</c>, <c>Nullable</c>,
/// <c>JsonElement</c>), which it cannot share. So: every type the SDK hands to the serializer for the Messages API
/// (read off its IL: the type arguments of its calls into the serializer, and what those types hold), resolved by the
/// SDK's own options under the JIT; the file names every converter and property info that resolution made, and the
/// SDK's types themselves.
/// </summary>
internal static partial class AnthropicAotDirectives
{
    /// <summary>The SDK's namespaces that the Messages API uses; the Beta and Batches models are left out.</summary>
    private static readonly string[] Namespaces = ["Anthropic.Models.Messages", "Anthropic.Core"];

    /// <summary>The methods through which the SDK serializes; their type arguments are what it serializes.</summary>
    private static readonly string[] SerializingTypes = ["JsonSerializer", "JsonDictionary", "WrappedJsonSerializer"];

    public static string Generate()
    {
        JsonSerializerOptions options = SdkOptions(null);
        options.MakeReadOnly(populateMissingResolver: true);
        Assembly sdk = typeof(ModelBase).Assembly;

        var needed = new HashSet<Type>();
        foreach (Type type in SerializedTypes(sdk))
        {
            Visit(type, options, needed);
            if (type.IsValueType && Nullable.GetUnderlyingType(type) is null)
            {
                // The SDK reads a struct as T? and then unwraps it.
                Visit(typeof(Nullable<>).MakeGenericType(type), options, needed);
            }
        }

        return Render(needed, sdk);
    }

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "SerializerOptions")]
    private static extern ref JsonSerializerOptions SdkOptions(ModelBase? model);

    private static IEnumerable<Type> SerializedTypes(Assembly sdk)
    {
        bool InScope(Type t) =>
            (t.Assembly != sdk || Namespaces.Contains(t.Namespace)) && (!t.IsGenericType || t.GetGenericArguments().All(InScope));

        // The type arguments of the SDK's calls into the serializer (its MethodSpec table)...
        var queue = new Queue<Type>();
        Module module = sdk.ManifestModule;
        const int methodSpecTable = 0x2B000000;
        for (int row = 1; ; row++)
        {
            MethodBase? method;
            try
            {
                method = module.ResolveMethod(methodSpecTable | row);
            }
            catch (ArgumentOutOfRangeException)
            {
                break;
            }
            catch (ArgumentException)
            {
                continue; // an instantiation over the caller's own type parameters: its callers name the real types
            }

            if (method is MethodInfo { ContainsGenericParameters: false, DeclaringType.Name: var declaring } && SerializingTypes.Contains(declaring))
            {
                foreach (Type argument in method.GetGenericArguments())
                {
                    queue.Enqueue(argument);
                }
            }
        }

        // ...and what those types hold: an enum inside an ApiEnum, a union's cases. A union keeps a list it is given as
        // an ImmutableArray in an object, which the serializer meets only at run time.
        var types = new HashSet<Type>();
        while (queue.TryDequeue(out Type? type))
        {
            if (!InScope(type) || !types.Add(type))
            {
                continue;
            }

            if (type.IsGenericType)
            {
                Array.ForEach(type.GetGenericArguments(), queue.Enqueue);
                if (type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
                {
                    queue.Enqueue(typeof(ImmutableArray<>).MakeGenericType(type.GetGenericArguments()));
                }
            }

            if (type.Assembly == sdk)
            {
                foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    queue.Enqueue(property.PropertyType);
                }

                foreach (ParameterInfo parameter in type.GetConstructors().SelectMany(c => c.GetParameters()))
                {
                    queue.Enqueue(parameter.ParameterType);
                }
            }
        }

        return types;
    }

    private static void Visit(Type type, JsonSerializerOptions options, HashSet<Type> needed)
    {
        if (type.ContainsGenericParameters || type.IsByRef || type.IsPointer || !needed.Add(type))
        {
            return;
        }

        JsonTypeInfo info = options.GetTypeInfo(type);
        needed.Add(info.GetType());
        needed.Add(info.Converter.GetType());
        foreach (JsonPropertyInfo property in info.Properties)
        {
            needed.Add(property.GetType());
            Visit(property.PropertyType, options, needed);
        }

        foreach (Type? inner in new[] { info.ElementType, info.KeyType, Nullable.GetUnderlyingType(type) })
        {
            if (inner is not null)
            {
                Visit(inner, options, needed);
            }
        }
    }

    private static string Render(IReadOnlyCollection<Type> needed, Assembly sdk)
    {
        // What reflection creates or reads: converters (made with MakeGenericType and Activator), property infos, and
        // the SDK's own types (their converter attributes). Type infos and collections come with their converters' code.
        List<Type> types = needed
            .Where(t => typeof(JsonConverter).IsAssignableFrom(t)
                || typeof(JsonPropertyInfo).IsAssignableFrom(t)
                || (t.Assembly == sdk && !t.IsGenericType))
            .ToList();
        var xml = new StringBuilder();
        xml.AppendLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        xml.AppendLine("<!-- Generated by ServiceBot.Lambda.Tests (NativeAotDirectivesTests): do not edit. See docs/deploy.md, \"Native AOT and the Anthropic SDK\". -->");
        xml.AppendLine("<Directives xmlns=\"http://schemas.microsoft.com/netfx/2013/01/metadata\">");
        xml.AppendLine("  <Application>");
        foreach (IGrouping<string?, Type> assembly in types.GroupBy(t => t.Assembly.GetName().Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            xml.AppendLine(CultureInfo.InvariantCulture, $"    <Assembly Name=\"{assembly.Key}\">");
            foreach (string name in assembly.Select(Name).Distinct().Order(StringComparer.Ordinal))
            {
                xml.AppendLine(CultureInfo.InvariantCulture, $"      <Type Name=\"{SecurityElement.Escape(name)}\" Dynamic=\"Required All\" />");
            }

            xml.AppendLine("    </Assembly>");
        }

        // System.Text.Json builds an ImmutableArray<T> through ImmutableArray.CreateRange<T>, found by reflection.
        IEnumerable<string> elements = needed
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            .Select(t => t.GetGenericArguments()[0])
            .Select(e => $"{Name(e)}, {e.Assembly.GetName().Name}")
            .Distinct()
            .Order(StringComparer.Ordinal);
        xml.AppendLine("    <Assembly Name=\"System.Collections.Immutable\">");
        xml.AppendLine("      <Type Name=\"System.Collections.Immutable.ImmutableArray\">");
        foreach (string element in elements)
        {
            xml.AppendLine(CultureInfo.InvariantCulture, $"        <Method Name=\"CreateRange\" Dynamic=\"Required\"><GenericArgument Name=\"{SecurityElement.Escape(element)}\" /></Method>");
        }

        xml.AppendLine("      </Type>");
        xml.AppendLine("    </Assembly>");
        xml.AppendLine("  </Application>");
        xml.AppendLine("</Directives>");
        return xml.ToString();
    }

    /// <summary>The type's name with its assemblies named but not versioned, so the file changes only when the types do.</summary>
    private static string Name(Type type) => AssemblyVersion().Replace(type.FullName!, "");

    [GeneratedRegex(@", Version=[^,\]]+, Culture=[^,\]]+, PublicKeyToken=[0-9a-fnul]+")]
    private static partial Regex AssemblyVersion();
}
