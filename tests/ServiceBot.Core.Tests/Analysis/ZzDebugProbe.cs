using ServiceBot.Core.Analysis;

namespace ServiceBot.Core.Tests.Analysis;

public class ZzDebugProbe
{
    [Fact]
    public void Probe()
    {
        string? file = Environment.GetEnvironmentVariable("PROBE_FILE");
        if (file is null || !File.Exists(file))
        {
            return;
        }

        var analyzer = new RequestAnalyzer();
        var lines = new List<string>();
        foreach (string line in File.ReadAllLines(file))
        {
            string[] parts = line.Split('|');
            var customer = SampleCustomers.ById(parts[0]);
            var u = TextNormalizer.Normalize(parts[1]);
            var a = analyzer.Analyze(parts[1], customer, parts.Length > 2 ? new ConversationContext { LastDeviceIds = parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries), LastMusic = parts.Length > 3 ? parts[3] : null } : null);
            lines.Add($"{parts[1]} => [{u.Text}] {a.Intent} devs={string.Join(",", a.DeviceIds)} vol={a.Volume} step={a.VolumeStep} room={a.TargetRoom} music={a.Music} rn={a.RoutineName} clar={a.Clarification?.Kind} {string.Join(",", a.Clarification?.CandidateDeviceIds ?? [])} '{a.Clarification?.Mentioned}' routine={a.Routine?.Name}|{a.Routine?.Schedule?.Describe()}|{a.Routine?.Phrase}|{string.Join(";", a.Routine?.Steps.Select(s => s.Tool + " " + s.DeviceId + " " + s.Power + s.Volume + s.Music) ?? [])}");
        }

        foreach (string probe in new[] { "play in the moon", "play at the moon", "play xyz the moon", "play to moon", "to the moon", "play too the moon" })
        {
            lines.Add(probe + " -> " + TextNormalizer.Normalize(probe).Text);
        }

        lines.Add("moon->" + TypoMatcher.Closest("moon", Lexicon.ProtectedTargets) + " / " + TypoMatcher.Closest("moon", Lexicon.Targets) + " known=" + Lexicon.Known.Contains("moon"));
        var texts = AnalyzerCorpus.Cases.Select(c => (c.Text, SampleCustomers.ById(c.Customer))).ToArray();
        for (int w = 0; w < 3; w++) foreach (var (t, c) in texts) analyzer.Analyze(t, c);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (int w = 0; w < 50; w++) foreach (var (t, c) in texts) analyzer.Analyze(t, c);
        lines.Add($"avg us: {sw.Elapsed.TotalMicroseconds / (50 * texts.Length):F1}");
        var terms = texts.Select(x => new CustomerTerms(x.Item2)).ToArray();
        sw.Restart();
        for (int w = 0; w < 50; w++) for (int k = 0; k < texts.Length; k++) _ = new CustomerTerms(texts[k].Item2);
        lines.Add($"terms us: {sw.Elapsed.TotalMicroseconds / (50 * texts.Length):F1}");
        sw.Restart();
        for (int w = 0; w < 50; w++) for (int k = 0; k < texts.Length; k++) TextNormalizer.Normalize(texts[k].Text, terms[k]);
        lines.Add($"normalize us: {sw.Elapsed.TotalMicroseconds / (50 * texts.Length):F1}");
        var us = texts.Select((x, k) => TextNormalizer.Normalize(x.Text, terms[k])).ToArray();
        sw.Restart();
        for (int w = 0; w < 50; w++) for (int k = 0; k < texts.Length; k++) ScheduleReader.Read(us[k]);
        lines.Add($"schedule us: {sw.Elapsed.TotalMicroseconds / (50 * texts.Length):F1}");
        sw.Restart();
        for (int w = 0; w < 50; w++) for (int k = 0; k < texts.Length; k++) DeviceMentions.Read(us[k], terms[k]);
        lines.Add($"mentions us: {sw.Elapsed.TotalMicroseconds / (50 * texts.Length):F1}");
        var ms = texts.Select((x, k) => DeviceMentions.Read(us[k], terms[k])).ToArray();
        sw.Restart();
        for (int w = 0; w < 50; w++) for (int k = 0; k < texts.Length; k++) ActionReader.Read(us[k], ms[k], terms[k]);
        lines.Add($"action us: {sw.Elapsed.TotalMicroseconds / (50 * texts.Length):F1}");
        File.WriteAllLines(file + ".out", lines);
    }
}
