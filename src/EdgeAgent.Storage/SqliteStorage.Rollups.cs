using System.Globalization;
using EdgeAgent.Core.Rollups;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage;

public sealed partial class SqliteStorage
{
    private const string RollupColumns =
        "equipment_id, period, start_ms, end_ms, cycles, good_cycles, online_seconds, run_seconds, idle_seconds, down_seconds, " +
        "off_seconds, unknown_seconds, good_parts, bad_parts, total_parts, energy_kwh, gas_m3, water_m3, steam_tonnes, counter_resets";

    /// <summary>
    /// Replaces, in one transaction, the stored rollups of <paramref name="equipmentIds"/> that start in
    /// [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) by <paramref name="rollups"/> (rows of periods that start
    /// earlier, such as the day that contains the range, are replaced too). Returns the rows written.
    /// <paramref name="timeZone"/> is the plant's, for the readable <c>local_day</c> column of day rows.
    /// </summary>
    public Task<int> ReplaceRollupsAsync(IReadOnlyCollection<string> equipmentIds, DateTime fromUtc, DateTime toUtc,
        IReadOnlyList<EquipmentRollup> rollups, TimeZoneInfo timeZone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(equipmentIds);
        ArgumentNullException.ThrowIfNull(rollups);
        ArgumentNullException.ThrowIfNull(timeZone);
        var built = ToMs(DateTime.UtcNow);
        return WithWriterAsync("rollup write", writer =>
        {
            using var transaction = writer.BeginTransaction();
            try
            {
                using var delete = writer.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM rollups WHERE equipment_id = $equipment AND start_ms >= $from AND start_ms < $to";
                var equipmentParameter = delete.Parameters.Add("$equipment", SqliteType.Text);
                delete.Parameters.AddWithValue("$from", ToMs(fromUtc));
                delete.Parameters.AddWithValue("$to", ToMs(toUtc));
                foreach (var id in equipmentIds)
                {
                    equipmentParameter.Value = id;
                    delete.ExecuteNonQuery();
                }

                using var insert = writer.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT OR REPLACE INTO rollups({RollupColumns}, local_day, built_ms) VALUES (" +
                    string.Join(", ", Enumerable.Range(0, 22).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture))) + ")";
                var p = new SqliteParameter[22];
                for (var i = 0; i < p.Length; i++)
                {
                    p[i] = insert.Parameters.Add("$p" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text);
                }

                insert.Prepare();
                foreach (var r in rollups)
                {
                    p[0].Value = r.EquipmentId;
                    p[1].Value = PeriodName(r.Period);
                    p[2].Value = ToMs(r.StartUtc);
                    p[3].Value = ToMs(r.EndUtc);
                    p[4].Value = r.Cycles;
                    p[5].Value = r.GoodCycles;
                    p[6].Value = r.OnlineSeconds;
                    p[7].Value = r.RunSeconds;
                    p[8].Value = r.IdleSeconds;
                    p[9].Value = r.DownSeconds;
                    p[10].Value = r.OffSeconds;
                    p[11].Value = r.UnknownSeconds;
                    p[12].Value = r.GoodParts;
                    p[13].Value = r.BadParts;
                    p[14].Value = r.TotalParts;
                    p[15].Value = r.EnergyKwh;
                    p[16].Value = r.GasM3;
                    p[17].Value = r.WaterM3;
                    p[18].Value = r.SteamTonnes;
                    p[19].Value = r.CounterResets;
                    p[20].Value = r.Period == RollupPeriod.Day
                        ? RollupCalendar.LocalDay(r.StartUtc, timeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : DBNull.Value;
                    p[21].Value = built;
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
                return rollups.Count;
            }
            catch (SqliteException)
            {
                SafeRollback(transaction);
                throw;
            }
        }, cancellationToken);
    }

    /// <summary>Stored rollups of one period that start in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), by equipment and start.</summary>
    public IReadOnlyList<EquipmentRollup> ReadRollups(RollupPeriod period, DateTime fromUtc, DateTime toUtc, string? equipmentId = null)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RollupColumns} FROM rollups WHERE period = $period AND start_ms >= $from AND start_ms < $to " +
            "AND ($equipment IS NULL OR equipment_id = $equipment) ORDER BY equipment_id, start_ms";
        command.Parameters.AddWithValue("$period", PeriodName(period));
        command.Parameters.AddWithValue("$from", ToMs(fromUtc));
        command.Parameters.AddWithValue("$to", ToMs(toUtc));
        command.Parameters.AddWithValue("$equipment", (object?)equipmentId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var list = new List<EquipmentRollup>();
        while (reader.Read())
        {
            list.Add(new EquipmentRollup(
                reader.GetString(0),
                period,
                FromMs(reader.GetInt64(2)),
                FromMs(reader.GetInt64(3)),
                reader.GetInt64(4),
                reader.GetInt64(5),
                reader.GetDouble(6),
                reader.GetDouble(7),
                reader.GetDouble(8),
                reader.GetDouble(9),
                reader.GetDouble(10),
                reader.GetDouble(11),
                reader.GetDouble(12),
                reader.GetDouble(13),
                reader.GetDouble(14),
                reader.GetDouble(15),
                reader.GetDouble(16),
                reader.GetDouble(17),
                reader.GetDouble(18),
                reader.GetInt32(19)));
        }

        return list;
    }

    /// <summary>Start of the newest stored rollup of a period, or null.</summary>
    public DateTime? LatestRollupStartUtc(RollupPeriod period)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(start_ms) FROM rollups WHERE period = $period";
        command.Parameters.AddWithValue("$period", PeriodName(period));
        return command.ExecuteScalar() is long ms ? FromMs(ms) : null;
    }

    private static string PeriodName(RollupPeriod period) => period switch
    {
        RollupPeriod.Minute => "minute",
        RollupPeriod.Hour => "hour",
        RollupPeriod.Day => "day",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "unknown rollup period"),
    };
}
