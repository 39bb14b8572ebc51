using System.Globalization;
using EdgeAgent.Core.Indicators;

namespace EdgeAgent.Storage;

public sealed partial class SqliteStorage
{
    /// <summary>Stores a fact; a fact of the same kind and days replaces the earlier one.</summary>
    public Task SetFactAsync(Fact fact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentException.ThrowIfNullOrEmpty(fact.Kind);
        if (fact.ToDay < fact.FromDay)
        {
            throw new ArgumentException("a fact's last day cannot come before its first day", nameof(fact));
        }

        return WithWriterAsync("fact write", writer =>
        {
            using var command = writer.CreateCommand();
            command.CommandText =
                "INSERT INTO facts(kind, from_day, to_day, value, unit, note, entered_ms) VALUES ($kind, $from, $to, $value, $unit, $note, $entered) " +
                "ON CONFLICT(kind, from_day, to_day) DO UPDATE SET value = excluded.value, unit = excluded.unit, note = excluded.note, entered_ms = excluded.entered_ms";
            command.Parameters.AddWithValue("$kind", fact.Kind);
            command.Parameters.AddWithValue("$from", Day(fact.FromDay));
            command.Parameters.AddWithValue("$to", Day(fact.ToDay));
            command.Parameters.AddWithValue("$value", fact.Value);
            command.Parameters.AddWithValue("$unit", (object?)fact.Unit ?? DBNull.Value);
            command.Parameters.AddWithValue("$note", (object?)fact.Note ?? DBNull.Value);
            command.Parameters.AddWithValue("$entered", ToMs(fact.EnteredUtc));
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <summary>Removes the fact of <paramref name="kind"/> for exactly the days <paramref name="fromDay"/>..<paramref name="toDay"/>; false when there was none.</summary>
    public async Task<bool> DeleteFactAsync(string kind, DateOnly fromDay, DateOnly toDay, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var deleted = await WithWriterAsync("fact delete", writer =>
        {
            using var command = writer.CreateCommand();
            command.CommandText = "DELETE FROM facts WHERE kind = $kind AND from_day = $from AND to_day = $to";
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$from", Day(fromDay));
            command.Parameters.AddWithValue("$to", Day(toDay));
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    /// <summary>Facts that overlap the days <paramref name="fromDay"/>..<paramref name="toDay"/>, optionally of one kind.</summary>
    public IReadOnlyList<Fact> ReadFacts(DateOnly fromDay, DateOnly toDay, string? kind = null)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT kind, from_day, to_day, value, unit, note, entered_ms FROM facts " +
            "WHERE to_day >= $from AND from_day <= $to AND ($kind IS NULL OR kind = $kind) ORDER BY from_day, to_day, kind";
        command.Parameters.AddWithValue("$from", Day(fromDay));
        command.Parameters.AddWithValue("$to", Day(toDay));
        command.Parameters.AddWithValue("$kind", (object?)kind ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var list = new List<Fact>();
        while (reader.Read())
        {
            list.Add(new Fact(
                reader.GetString(0),
                DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                FromMs(reader.GetInt64(6))));
        }

        return list;
    }

    /// <summary>Output value entered per period that overlaps the days, each with the units entered for the same days.</summary>
    public IReadOnlyList<StoredOutputFact> ReadOutputEntries(DateOnly fromDay, DateOnly toDay)
    {
        var facts = ReadFacts(fromDay, toDay);
        var units = facts.Where(f => f.Kind == FactKinds.OutputUnits).ToDictionary(f => (f.FromDay, f.ToDay), f => f.Value);
        return [.. facts
            .Where(f => f.Kind == FactKinds.OutputValueCny)
            .Select(f => new StoredOutputFact(f.FromDay, f.ToDay, f.Value, units.TryGetValue((f.FromDay, f.ToDay), out var u) ? u : null, f.Note, f.EnteredUtc))];
    }

    /// <summary>Output facts (value in CNY, with units produced when entered for the same days) for the indicator engine.</summary>
    public IReadOnlyList<OutputFact> ReadOutputFacts(DateOnly fromDay, DateOnly toDay) =>
        [.. ReadOutputEntries(fromDay, toDay).Select(e => new OutputFact(e.From, e.To, e.ValueCny, e.Units))];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
