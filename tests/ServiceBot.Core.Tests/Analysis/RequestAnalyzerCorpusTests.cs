using System.Globalization;
using ServiceBot.Core.Analysis;

namespace ServiceBot.Core.Tests.Analysis;

/// <summary>Every phrasing of analyzer-corpus.json, read by the analyzer and compared with what a person would expect.</summary>
public class RequestAnalyzerCorpusTests
{
    private static readonly RequestAnalyzer Analyzer = new();

    public static IEnumerable<TheoryDataRow<int>> Cases() =>
        AnalyzerCorpus.Cases.Select((c, i) => new TheoryDataRow<int>(i)
        {
            TestDisplayName = string.Create(CultureInfo.InvariantCulture, $"{i + 1:000} [{c.Customer}] \"{c.Text}\"{(c.Context is null ? "" : " (with context)")}"),
        });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_the_phrasing_as_a_person_would(int index)
    {
        CorpusCase expected = AnalyzerCorpus.Cases[index];
        RequestAnalysis actual = Analyzer.Analyze(expected.Text, SampleCustomers.ById(expected.Customer), ContextOf(expected));

        var problems = new List<string>();
        void Check<T>(string what, T wanted, T got)
        {
            if (!EqualityComparer<T>.Default.Equals(wanted, got))
            {
                problems.Add($"{what}: expected {Show(wanted)}, got {Show(got)}");
            }
        }

        Check("intent", Enum.Parse<Intent>(expected.Intent), actual.Intent);
        Check("requestType", expected.RequestType, actual.RequestType);
        Check("deviceIds", Set(expected.DeviceIds), Set(actual.DeviceIds));
        Check("volume", expected.Volume, actual.Volume);
        Check("volumeStep", expected.VolumeStep, actual.VolumeStep);
        Check("targetRoom", expected.TargetRoom, actual.TargetRoom);
        Check("music", expected.Music?.ToLowerInvariant(), actual.Music?.ToLowerInvariant());
        Check("routineName", expected.RoutineName?.ToLowerInvariant(), actual.RoutineName?.ToLowerInvariant());
        Check("symptom", expected.Symptom, actual.Symptom);
        Check("clarification", Describe(expected.Clarification), Describe(actual.Clarification));
        Check("routine", Describe(expected.Routine, actual.Routine?.Name), Describe(actual.Routine));
        Check("otherPersonsDevice", expected.OtherPersonsDevice, actual.OtherPersonsDevice);
        if (expected.Language is { } language)
        {
            Check("language", Enum.Parse<Language>(language), actual.Language);
        }
        if (expected.MoreRequests is { } more)
        {
            Check("moreRequests", string.Join(" | ", more.Select(p => Part(p.Intent, p.DeviceIds, p.Volume, p.Music))),
                string.Join(" | ", actual.MoreRequests.Select(p => Part(p.Intent.ToString(), p.DeviceIds, p.Volume, p.Music))));
        }

        Assert.True(problems.Count == 0, $"\"{expected.Text}\" ({expected.Customer}):\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void The_corpus_covers_every_intent_and_every_customer()
    {
        IReadOnlyList<CorpusCase> cases = AnalyzerCorpus.Cases;
        Assert.True(cases.Count >= 150, $"only {cases.Count} cases");
        Intent[] missing = Enum.GetValues<Intent>().Where(i => !cases.Any(c => Enum.Parse<Intent>(c.Intent) == i)).ToArray();
        Assert.True(missing.Length == 0, "no case for " + string.Join(", ", missing));
        Assert.All(["cust_001", "cust_002", "cust_003"], id => Assert.Contains(cases, c => c.Customer == id));
        Assert.Equal(cases.Count, cases.Select(c => (c.Text, c.Customer, c.Context?.LastMusic, c.Context?.LastRequest, c.Context?.PendingRequest, c.LastLanguage, string.Join(',', c.Context?.LastDeviceIds ?? []), string.Join(',', c.Context?.RestartOffered ?? []))).Distinct().Count());
    }

    private static ConversationContext? ContextOf(CorpusCase c) => c.Context is null && c.LastLanguage is null
        ? null
        : new ConversationContext
        {
            LastDeviceIds = c.Context?.LastDeviceIds ?? [],
            LastMusic = c.Context?.LastMusic,
            LastRequest = c.Context?.LastRequest,
            PendingRequest = c.Context?.PendingRequest,
            RestartOffered = c.Context?.RestartOffered ?? [],
            LastLanguage = c.LastLanguage is null ? null : Enum.Parse<Language>(c.LastLanguage),
        };

    private static string Part(string intent, IEnumerable<string> devices, int? volume, string? music) =>
        $"{intent} [{Set(devices)}]" + (volume is null ? "" : $" volume={volume}") + (music is null ? "" : $" music={music.ToLowerInvariant()}");

    private static string Set(IEnumerable<string> ids) => string.Join(",", ids.Order(StringComparer.Ordinal));

    private static string? Describe(CorpusClarification? c) =>
        c is null ? null : $"{c.Kind} [{Set(c.Candidates)}]" + (c.Mentioned is null ? "" : $" \"{c.Mentioned}\"");

    private static string? Describe(Clarification? c) =>
        c is null ? null : $"{c.Kind} [{Set(c.CandidateDeviceIds)}]" + (c.Mentioned is null ? "" : $" \"{c.Mentioned}\"");

    private static string? Describe(CorpusRoutine? r, string? actualName) => r is null
        ? null
        : Routine(
            r.Name ?? (string.IsNullOrWhiteSpace(actualName) ? "(a name)" : actualName),
            r.Schedule is null ? null : $"{string.Join("+", r.Schedule.Days)} {r.Schedule.Time}",
            r.Phrase,
            r.Steps.Select(s => Step(s.Tool, s.DeviceId, s.Volume, s.Power, s.Music)));

    private static string? Describe(RoutineDraft? r) => r is null
        ? null
        : Routine(
            string.IsNullOrWhiteSpace(r.Name) ? "(no name)" : r.Name,
            r.Schedule is null ? null : $"{string.Join("+", r.Schedule.Days)} {r.Schedule.Time}",
            r.Phrase,
            r.Steps.Select(s => Step(s.Tool, s.DeviceId, s.Volume, s.Power, s.Music)));

    private static string Routine(string name, string? schedule, string? phrase, IEnumerable<string> steps) =>
        $"name \"{name.ToLowerInvariant()}\", schedule {schedule ?? "none"}, phrase {Show(phrase)}, steps [{string.Join("; ", steps)}]";

    private static string Step(string tool, string device, int? volume, string? power, string? music) =>
        $"{tool} {device}" + (volume is null ? "" : $" volume={volume}") + (power is null ? "" : $" power={power}")
        + (music is null ? "" : $" music={music.ToLowerInvariant()}");

    private static string Show<T>(T value) => value is null ? "null" : $"{value}";
}
