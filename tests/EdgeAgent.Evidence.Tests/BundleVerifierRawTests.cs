using System.Text;
using EdgeAgent.Evidence.Bundle;
using EdgeAgent.Evidence.Ledger;

namespace EdgeAgent.Evidence.Tests;

/// <summary>
/// Tampering with raw/samples.csv on several days at once, or cutting and reordering it: the verifier reads the file once
/// and checks the days side by side, so each day must still get its own finding, in day order, the same on every run.
/// </summary>
public sealed class BundleVerifierRawTests : IClassFixture<BundleVerifierTests.ExportedBundle>
{
    private static readonly string[] Days = ["2025-03-03", "2025-03-04", "2025-03-05"];
    private readonly BundleVerifierTests.ExportedBundle _bundle;

    public BundleVerifierRawTests(BundleVerifierTests.ExportedBundle bundle) => _bundle = bundle;

    [Fact]
    public void SamplesChangedOnEveryDayGiveOneDigestMismatchPerDayInDayOrderOnEveryRun()
    {
        using var copy = _bundle.Copy();
        ZipEdit.Edit(copy.Path, BundlePaths.Samples, bytes =>
        {
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var day in Enumerable.Range(0, 3).Select(i => _bundle.History.First.AddDays(i)))
            {
                // cnc-1 state at 09:00 of each day: 2 (run) becomes 3 (down).
                var (at, length) = Row(text, day);
                var row = text.Substring(at, length);
                Assert.Contains(",2,", row, StringComparison.Ordinal);
                text = text[..at] + row.Replace(",2,", ",3,", StringComparison.Ordinal) + text[(at + length)..];
            }

            return Encoding.UTF8.GetBytes(text);
        });

        var first = new BundleVerifier().Verify(copy.Path).Problems;
        var second = new BundleVerifier().Verify(copy.Path).Problems;

        Assert.Equal(first.Select(p => p.Message), second.Select(p => p.Message));
        var digests = first.Where(p => p.Kind == BundleProblemKind.DigestMismatch).ToList();
        Assert.Equal(Days, digests.Select(p => p.Day));
        Assert.All(digests, p => Assert.Contains("samples (", p.Message, StringComparison.Ordinal));
        var recomputed = first.Where(p => p.Kind == BundleProblemKind.RecomputationMismatch).Select(p => p.Day).ToList();
        Assert.Equal(Days, recomputed);
        Assert.Single(first, p => p.Kind == BundleProblemKind.FileChanged && p.Message.StartsWith("raw/samples.csv changed", StringComparison.Ordinal));
    }

    [Fact]
    public void RemovedSampleRowIsADigestMismatchThatGivesTheCounts()
    {
        using var copy = _bundle.Copy();
        var day = _bundle.History.First.AddDays(1);
        ZipEdit.Edit(copy.Path, BundlePaths.Samples, bytes =>
        {
            var text = Encoding.UTF8.GetString(bytes);
            var (at, length) = Row(text, day);
            return Encoding.UTF8.GetBytes(text.Remove(at, length + 1));
        });

        var problems = new BundleVerifier().Verify(copy.Path).Problems;

        var digest = Assert.Single(problems, p => p.Kind == BundleProblemKind.DigestMismatch);
        Assert.Equal("2025-03-04", digest.Day);
        Assert.Matches(@"samples \((\d+) rows in raw/samples\.csv, (\d+) signed\)", digest.Message);
        var counts = System.Text.RegularExpressions.Regex.Match(digest.Message, @"samples \((\d+) rows in raw/samples\.csv, (\d+) signed\)");
        Assert.Equal(long.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - 1,
            long.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SamplesCutAfterTheFirstDayFailTheLaterDaysOnly()
    {
        using var copy = _bundle.Copy();
        ZipEdit.Edit(copy.Path, BundlePaths.Samples, bytes =>
        {
            var text = Encoding.UTF8.GetString(bytes);
            var (at, _) = Row(text, _bundle.History.First.AddDays(1), hour: 0, minute: 0);
            return Encoding.UTF8.GetBytes(text[..at]);
        });

        var problems = new BundleVerifier().Verify(copy.Path).Problems;

        Assert.Equal(Days[1..], problems.Where(p => p.Kind == BundleProblemKind.DigestMismatch).Select(p => p.Day));
        Assert.Contains(problems, p => p.Kind == BundleProblemKind.FileChanged && p.Message.StartsWith("raw/samples.csv changed", StringComparison.Ordinal));
    }

    [Fact]
    public void RowMovedToAnEarlierDayIsOutOfTimeOrderAndADigestMismatch()
    {
        using var copy = _bundle.Copy();
        ZipEdit.Edit(copy.Path, BundlePaths.Samples, bytes =>
        {
            var text = Encoding.UTF8.GetString(bytes);
            var (from, length) = Row(text, _bundle.History.Last);
            var row = text.Substring(from, length + 1);
            text = text.Remove(from, length + 1);
            var (to, _) = Row(text, _bundle.History.First);
            return Encoding.UTF8.GetBytes(text.Insert(to, row));
        });

        var problems = new BundleVerifier().Verify(copy.Path).Problems;

        Assert.Contains(problems, p => p.Kind == BundleProblemKind.Malformed && p.Message.Contains("out of time order", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Kind == BundleProblemKind.DigestMismatch && p.Day == "2025-03-03");
        Assert.Contains(problems, p => p.Kind == BundleProblemKind.DigestMismatch && p.Day == "2025-03-05");
    }

    [Fact]
    public void RowsWithTheWrongNumberOfFieldsAreReportedByLine()
    {
        using var copy = _bundle.Copy();
        ZipEdit.Edit(copy.Path, BundlePaths.Samples, bytes =>
        {
            var text = Encoding.UTF8.GetString(bytes);
            var (at, length) = Row(text, _bundle.History.First.AddDays(2));
            return Encoding.UTF8.GetBytes(text.Insert(at + length, ",extra"));
        });

        var problems = new BundleVerifier().Verify(copy.Path).Problems;

        var malformed = Assert.Single(problems, p => p.Kind == BundleProblemKind.Malformed);
        Assert.Matches(@"^raw/samples\.csv line \d+ is not a valid sample row$", malformed.Message);
        Assert.Contains(problems, p => p.Kind == BundleProblemKind.DigestMismatch && p.Day == "2025-03-05");
    }

    /// <summary>Start and length (without the LF) of the cnc-1 state row at hh:mm:03 plant time on <paramref name="day"/>.</summary>
    private (int At, int Length) Row(string text, DateOnly day, int hour = 9, int minute = 0)
    {
        var ts = new DateTimeOffset(_bundle.History.Utc(day, hour, minute).AddSeconds(3)).ToUnixTimeMilliseconds();
        var at = text.IndexOf(FormattableString.Invariant($"\ncnc-1,state,{ts},"), StringComparison.Ordinal) + 1;
        Assert.True(at > 0, FormattableString.Invariant($"no cnc-1 state row at {ts}"));
        return (at, text.IndexOf('\n', at) - at);
    }
}
