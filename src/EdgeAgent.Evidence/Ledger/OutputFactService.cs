using System.Globalization;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Storage;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// Output value (产值) and units produced entered for a period by a person (API or CLI), for the energy-per-output
/// indicators when <c>$.indicators.output.source</c> is <c>facts</c>. Entering a period again replaces it. Days of the
/// period that the ledger has closed already get correction records (naming the records they supersede), so the signed
/// history always says which output value its indicators used.
/// </summary>
public sealed class OutputFactService
{
    /// <summary>Longest period one entry may cover (a year, leap years included).</summary>
    public const int MaxPeriodDays = 366;

    /// <summary>Longest note kept.</summary>
    public const int MaxNoteLength = 500;

    private readonly SqliteStorage _storage;
    private readonly LedgerService _ledger;
    private readonly AgentConfig _config;
    private readonly TimeProvider _time;

    public OutputFactService(SqliteStorage storage, LedgerService ledger, AgentConfig config, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(time);
        _storage = storage;
        _ledger = ledger;
        _config = config;
        _time = time;
    }

    /// <summary>Whether the configured energy indicators read entered facts (otherwise they count parts).</summary>
    public bool FactsAreUsed => _config.Indicators.Output.Source == IndicatorsOutputSource.Facts;

    /// <summary>
    /// Every problem with <paramref name="entry"/>, each as "$.field: what is wrong" (empty when it can be stored).
    /// </summary>
    public static IReadOnlyList<string> Validate(OutputFactEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var errors = new List<string>();
        if (entry.To < entry.From)
        {
            errors.Add("$.to: the last day comes before the first day ($.from)");
        }
        else if (entry.To.DayNumber - entry.From.DayNumber + 1 > MaxPeriodDays)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"$.to: a period covers at most {MaxPeriodDays} days; enter longer spans as several periods"));
        }

        if (!double.IsFinite(entry.ValueCny) || entry.ValueCny <= 0)
        {
            errors.Add("$.valueCny: must be a positive number of CNY (the output value of the period)");
        }

        if (entry.Units is { } units && (!double.IsFinite(units) || units < 0))
        {
            errors.Add("$.units: must be zero or a positive number of units produced, or left out");
        }

        if (entry.Note is { Length: > MaxNoteLength })
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"$.note: at most {MaxNoteLength} characters"));
        }

        return errors;
    }

    /// <summary>
    /// Stores <paramref name="entry"/> (replacing an entry for exactly the same days; leaving out the units removes
    /// units entered before for them) and appends correction records for the closed days it covers. Stores nothing and
    /// returns the problems instead when the entry is invalid (<see cref="Validate"/>) or overlaps a period entered
    /// before (output would count twice; only exactly the same period is replaced).
    /// </summary>
    public async Task<(IReadOnlyList<string> Problems, IReadOnlyList<LedgerEntry> Corrections)> SetAsync(OutputFactEntry entry, CancellationToken cancellationToken = default)
    {
        var problems = Validate(entry);
        if (problems.Count == 0)
        {
            problems = [.. List(entry.From, entry.To)
                .Where(f => f.From != entry.From || f.To != entry.To)
                .Select(other => $"$.from: the period overlaps {DayBounds.Format(other.From)} .. {DayBounds.Format(other.To)} entered before, and output must not count twice; enter exactly that period to replace it, or delete it first")];
        }

        if (problems.Count > 0)
        {
            return (problems, []);
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim();
        await _storage.SetFactAsync(new Fact(FactKinds.OutputValueCny, entry.From, entry.To, entry.ValueCny, "CNY", note, now), cancellationToken).ConfigureAwait(false);
        if (entry.Units is { } units)
        {
            await _storage.SetFactAsync(new Fact(FactKinds.OutputUnits, entry.From, entry.To, units, "pcs", note, now), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _storage.DeleteFactAsync(FactKinds.OutputUnits, entry.From, entry.To, cancellationToken).ConfigureAwait(false);
        }

        return ([], await _ledger.CorrectClosedDaysAsync(entry.From, entry.To, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Removes the entry for exactly <paramref name="from"/>..<paramref name="to"/> (value and units) and appends
    /// correction records for the closed days it covered; null when there was no such entry.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEntry>?> DeleteAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (!await _storage.DeleteFactAsync(FactKinds.OutputValueCny, from, to, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await _storage.DeleteFactAsync(FactKinds.OutputUnits, from, to, cancellationToken).ConfigureAwait(false);
        return await _ledger.CorrectClosedDaysAsync(from, to, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The entries that overlap <paramref name="from"/>..<paramref name="to"/>, by first day.</summary>
    public IReadOnlyList<StoredOutputFact> List(DateOnly from, DateOnly to) => _storage.ReadOutputEntries(from, to);
}
