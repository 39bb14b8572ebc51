using System.Globalization;
using EdgeAgent.Core.Model;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Storage.Tests;

internal static class StorageTestData
{
    public static readonly TagKey State = new("cnc-1", "state");
    public static readonly TagKey Parts = new("cnc-1", "partsGood");
    public static readonly TagKey Program = new("cnc-1", "program");
    public static readonly TagKey Power = new("meter", "powerKw");

    public static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static Sample Good(TagKey key, DateTime t, double value) => new(key, t, value, null, SampleQuality.Good);

    /// <summary>One sample per second for <paramref name="count"/> seconds on two tags.</summary>
    public static List<Sample> Series(DateTime start, int count)
    {
        var list = new List<Sample>(count * 2);
        for (var i = 0; i < count; i++)
        {
            list.Add(Good(Power, start.AddSeconds(i), 100 + (i % 17)));
            list.Add(Good(Parts, start.AddSeconds(i), i));
        }

        return list;
    }

    public static long Scalar(SqliteStorage storage, string sql)
    {
        using var connection = storage.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static string Text(SqliteStorage storage, string sql)
    {
        using var connection = storage.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }
}
