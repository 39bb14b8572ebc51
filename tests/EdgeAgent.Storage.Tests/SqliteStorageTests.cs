using System.Diagnostics;
using EdgeAgent.Core.Model;
using Microsoft.Data.Sqlite;
using static EdgeAgent.Storage.Tests.StorageTestData;

namespace EdgeAgent.Storage.Tests;

public class SqliteStorageTests
{
    private static readonly DateTime T0 = Utc("2025-03-03T08:00:00Z");

    [Fact]
    public async Task WriteThenReadRoundTripsSamplesOfEveryKind()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        List<Sample> samples =
        [
            Good(State, T0, 2),
            new(Parts, T0.AddMilliseconds(1500), double.NaN, null, SampleQuality.Bad, "IllegalDataAddress"),
            new(Parts, T0.AddSeconds(3), double.NaN, null, SampleQuality.NoCommunication, "timeout"),
            new(Program, T0.AddSeconds(4), double.NaN, "O1234", SampleQuality.Good),
            new(Power, T0.AddSeconds(5), 12.5, null, SampleQuality.Uncertain, "UncertainLastUsableValue"),
        ];
        await storage.WriteAsync(samples, [], []);

        var read = storage.ReadSamples(T0, T0.AddMinutes(1)).ToList();

        // Ordered by equipment, tag, time; millisecond timestamps kept; NaN comes back as NaN (stored as NULL).
        Assert.Equal(
            [
                new StoredSample("cnc-1", "partsGood", T0.AddMilliseconds(1500), double.NaN, null, SampleQuality.Bad, "IllegalDataAddress"),
                new StoredSample("cnc-1", "partsGood", T0.AddSeconds(3), double.NaN, null, SampleQuality.NoCommunication, "timeout"),
                new StoredSample("cnc-1", "program", T0.AddSeconds(4), double.NaN, "O1234", SampleQuality.Good, null),
                new StoredSample("cnc-1", "state", T0, 2, null, SampleQuality.Good, null),
                new StoredSample("meter", "powerKw", T0.AddSeconds(5), 12.5, null, SampleQuality.Uncertain, "UncertainLastUsableValue"),
            ],
            read);
        Assert.Equal(1, Scalar(storage, "SELECT count(*) FROM samples WHERE value IS NULL AND quality = 1"));
        Assert.Equal(DateTimeKind.Utc, read[0].TimestampUtc.Kind);
    }

    [Fact]
    public async Task ReadSamplesAsyncStreamsOneEquipmentInItsRange()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        await storage.WriteAsync(Series(T0, 600), [], []);

        var count = 0;
        await foreach (var s in storage.ReadSamplesAsync(T0.AddSeconds(100), T0.AddSeconds(200), "meter"))
        {
            Assert.Equal("meter", s.EquipmentId);
            Assert.InRange(s.TimestampUtc, T0.AddSeconds(100), T0.AddSeconds(199));
            count++;
        }

        Assert.Equal(100, count);
    }

    [Fact]
    public async Task StatusEventsAndLastEventBeforeARangeAreRead()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        await storage.WriteAsync([], [
            new StatusEvent("s1", T0, true, "connected"),
            new StatusEvent("s1", T0.AddMinutes(5), false, "timeout"),
            new StatusEvent("s2", T0.AddMinutes(1), true, "connected"),
            new StatusEvent("s1", T0.AddMinutes(20), true, "connected"),
        ], []);

        Assert.Equal(
            [new StatusEvent("s2", T0.AddMinutes(1), true, "connected"), new StatusEvent("s1", T0.AddMinutes(5), false, "timeout")],
            storage.ReadStatusEvents(T0.AddMinutes(1), T0.AddMinutes(20)));
        Assert.Equal(
            [new StatusEvent("s1", T0.AddMinutes(5), false, "timeout"), new StatusEvent("s2", T0.AddMinutes(1), true, "connected")],
            storage.ReadLastStatusEventsBefore(T0.AddMinutes(10)));
    }

    [Fact]
    public async Task CycleCountsOfTheSameMinuteAreAdded()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        await storage.WriteAsync([], [], [new CycleCount("s1", T0, 30, 29), new CycleCount("s2", T0, 60, 60)]);
        await storage.WriteAsync([], [], [new CycleCount("s1", T0, 30, 30), new CycleCount("s1", T0.AddMinutes(1), 60, 0)]);

        Assert.Equal(
            [new CycleCount("s1", T0, 60, 59), new CycleCount("s2", T0, 60, 60), new CycleCount("s1", T0.AddMinutes(1), 60, 0)],
            storage.ReadCycles(T0, T0.AddMinutes(2)));
    }

    [Fact]
    public async Task DatabaseIsInWalModeWithForeignKeys()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        await storage.WriteAsync([Good(State, T0, 1)], [], []);

        Assert.Equal("wal", Text(storage, "PRAGMA journal_mode"));
        Assert.True(File.Exists(storage.DatabasePath + "-wal"));
        Assert.Equal(Path.Combine(folder.Path, "edgeagent.db"), storage.DatabasePath);

        // A sample pointing at no tag is refused: the tag dictionary is enforced, not a convention.
        using var connection = new SqliteConnection($"Data Source={storage.DatabasePath};Foreign Keys=True");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO samples(ts_ms, tag_id, value, quality) VALUES (0, 999, 1, 0)";
        var ex = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        Assert.Equal(19, ex.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    [Fact]
    public async Task SchemaIsCreatedOnceAndReopened()
    {
        using var folder = new TempFolder();
        string created;
        await using (var storage = new SqliteStorage(new SqliteStorageOptions { DataFolder = folder.Path, AgentId = "gateway-1" }))
        {
            await storage.WriteAsync([Good(State, T0, 1)], [], []);
            created = storage.GetMeta("created_at")!;
        }

        // Closing folds the WAL into the database file.
        Assert.False(File.Exists(Path.Combine(folder.Path, "edgeagent.db-wal")) && new FileInfo(Path.Combine(folder.Path, "edgeagent.db-wal")).Length > 0);

        await using (var storage = new SqliteStorage(new SqliteStorageOptions { DataFolder = folder.Path, AgentId = "gateway-2" }))
        {
            await storage.WriteAsync([Good(State, T0.AddSeconds(1), 2)], [], []);
            Assert.Equal(SqliteStorage.SchemaVersion, Scalar(storage, "PRAGMA user_version"));
            Assert.Equal(created, storage.GetMeta("created_at"));
            Assert.Equal("gateway-1", storage.GetMeta("agent_id")); // the file's history belongs to the agent that made it
            Assert.Equal(2, storage.ReadSamples(T0, T0.AddMinutes(1)).Count());
            Assert.Equal(1, Scalar(storage, "SELECT count(*) FROM tags"));
        }
    }

    [Fact]
    public async Task VersionOneFileIsMigratedWithItsData()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "edgeagent.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE tags(id INTEGER PRIMARY KEY, equipment_id TEXT NOT NULL, tag TEXT NOT NULL, UNIQUE(equipment_id, tag));
                CREATE TABLE samples(ts_ms INTEGER NOT NULL, tag_id INTEGER NOT NULL REFERENCES tags(id), value REAL, text TEXT, quality INTEGER NOT NULL, status TEXT);
                CREATE INDEX samples_by_time ON samples(ts_ms);
                CREATE TABLE status_events(id INTEGER PRIMARY KEY, ts_ms INTEGER NOT NULL, source_id TEXT NOT NULL, online INTEGER NOT NULL, reason TEXT NOT NULL);
                CREATE INDEX status_events_by_time ON status_events(ts_ms);
                CREATE TABLE collection_cycles(source_id TEXT NOT NULL, minute_ms INTEGER NOT NULL, attempts INTEGER NOT NULL, good INTEGER NOT NULL, UNIQUE(source_id, minute_ms));
                CREATE INDEX collection_cycles_by_time ON collection_cycles(minute_ms);
                INSERT INTO tags VALUES (1, 'cnc-1', 'state');
                INSERT INTO samples VALUES (1741000000000, 1, 2, NULL, 0, NULL);
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }

        using var storage = new SqliteStorage(folder.Path);
        Assert.Equal(SqliteStorage.SchemaVersion, Scalar(storage, "PRAGMA user_version"));
        // Version 3 indexes samples in time order (ts_ms, tag_id); the version 2 per-tag index is gone.
        Assert.Equal(0, Scalar(storage, "SELECT count(*) FROM sqlite_master WHERE name = 'samples_by_tag_time'"));
        Assert.Equal(1, Scalar(storage, "SELECT count(*) FROM sqlite_master WHERE name = 'samples_by_time'"));
        var sample = Assert.Single(storage.ReadSamples(DateTime.UnixEpoch, T0.AddDays(1)));
        Assert.Equal(("cnc-1", "state", 2d), (sample.EquipmentId, sample.Tag, sample.Value));

        // The tag id cache starts empty on a migrated file: new writes find the existing tag.
        await storage.WriteAsync([Good(State, T0, 3)], [], []);
        Assert.Equal(1, Scalar(storage, "SELECT count(*) FROM tags"));
    }

    [Fact]
    public void FileFromANewerAgentIsRefused()
    {
        using var folder = new TempFolder();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "edgeagent.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<StorageException>(() => new SqliteStorage(folder.Path));
        Assert.Contains("schema version 99", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullDiskRollsBackEverythingAndTheSameWriteSucceedsWhenSpaceReturns()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        await storage.WriteAsync(Series(T0, 10), [], [new CycleCount("s1", T0, 1, 1)]);

        // SQLite's own size limit gives a real SQLITE_FULL on this connection: a few pages of room, far too few.
        storage.SetMaxPageCount(storage.PageCount() + 4);
        var samples = Series(T0.AddMinutes(1), 20_000);
        samples.Add(Good(new TagKey("new-machine", "state"), T0.AddMinutes(2), 1));
        List<StatusEvent> events = [new StatusEvent("s1", T0.AddMinutes(1), false, "timeout")];
        List<CycleCount> cycles = [new CycleCount("s1", T0, 5, 4), new CycleCount("s1", T0.AddMinutes(1), 60, 60)];

        var ex = await Assert.ThrowsAsync<StorageFullException>(() => storage.WriteAsync(samples, events, cycles));
        Assert.Contains(storage.DatabasePath, ex.Message, StringComparison.Ordinal);
        Assert.Contains("free", ex.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(ex.InnerException);

        // Nothing half-written: not one sample, event, cycle or tag of the failed call.
        Assert.Equal(20, Scalar(storage, "SELECT count(*) FROM samples"));
        Assert.Equal(0, Scalar(storage, "SELECT count(*) FROM status_events"));
        Assert.Equal([new CycleCount("s1", T0, 1, 1)], storage.ReadCycles(T0, T0.AddHours(1)));
        Assert.Equal(2, Scalar(storage, "SELECT count(*) FROM tags"));

        // Space returns: the caller's retry of the very same write is stored exactly once.
        storage.SetMaxPageCount(1_000_000_000);
        await storage.WriteAsync(samples, events, cycles);
        Assert.Equal(20 + 40_001, Scalar(storage, "SELECT count(*) FROM samples"));
        Assert.Single(storage.ReadStatusEvents(T0, T0.AddHours(1)));
        Assert.Equal([new CycleCount("s1", T0, 6, 5), new CycleCount("s1", T0.AddMinutes(1), 60, 60)], storage.ReadCycles(T0, T0.AddHours(1)));
        Assert.Single(storage.ReadSamples(T0, T0.AddHours(1), "new-machine"));
        Assert.Equal("ok", Text(storage, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task RetentionDeletesOldRawDataInBatchesAndKeepsNewerDataAndRollups()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        var old = Utc("2025-01-01T00:00:00Z");
        var cutoff = Utc("2025-01-02T00:00:00Z");
        await storage.WriteAsync(Series(old, 500), [
            new StatusEvent("s1", old, true, "connected"),
            new StatusEvent("s1", old.AddHours(1), false, "timeout"),
            new StatusEvent("s1", old.AddHours(2), true, "connected"),
            new StatusEvent("s2", old, true, "connected"),
            new StatusEvent("s1", cutoff.AddHours(1), false, "timeout"),
        ], [new CycleCount("s1", old, 60, 60), new CycleCount("s1", old.AddMinutes(1), 60, 60), new CycleCount("s1", cutoff, 60, 60)]);
        await storage.WriteAsync(Series(cutoff, 300), [], []);
        var day = new Core.Rollups.EquipmentRollup("cnc-1", Core.Rollups.RollupPeriod.Day, old, cutoff, 86400, 86400, 86400, 1, 2, 3, 4, 86390, 5, 0, 5, 1, 0, 0, 0, 0);
        await storage.ReplaceRollupsAsync(["cnc-1"], old, cutoff, [day], TimeZoneInfo.Utc);

        var result = await storage.DeleteOlderThanAsync(cutoff, batchRows: 70);

        // 2 tags × 500 s old; 2 old s1 events go, its last one before the cutoff (online at 02:00) and s2's only one stay.
        Assert.Equal(new RetentionResult(1000, 2, 2), result);
        Assert.Equal(600, Scalar(storage, "SELECT count(*) FROM samples"));
        Assert.Equal(cutoff, storage.GetInfo().OldestSampleUtc);
        Assert.Equal(
            [new StatusEvent("s1", old.AddHours(2), true, "connected"), new StatusEvent("s2", old, true, "connected")],
            storage.ReadLastStatusEventsBefore(cutoff));
        Assert.Equal([new CycleCount("s1", cutoff, 60, 60)], storage.ReadCycles(old, cutoff.AddDays(1)));
        Assert.Equal([day], storage.ReadRollups(Core.Rollups.RollupPeriod.Day, old, cutoff));
        Assert.Equal(cutoff, storage.RetainedFromUtc());

        // A second pass finds nothing more to do.
        Assert.Equal(new RetentionResult(0, 0, 0), await storage.DeleteOlderThanAsync(cutoff, 70));
    }

    [Fact]
    public async Task RetentionLetsTheRecorderWriteBetweenBatches()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        var old = Utc("2025-01-01T00:00:00Z");
        await storage.WriteAsync(Series(old, 20_000), [], []);

        // 80 batches of 500: the write gets the writer at the next batch boundary, long before retention is done.
        var retention = storage.DeleteOlderThanAsync(old.AddDays(1), batchRows: 500);
        await storage.WriteAsync([Good(State, old.AddDays(2), 1)], [], []);
        Assert.False(retention.IsCompleted);
        var result = await retention;

        Assert.Equal(40_000, result.Samples);
        Assert.Single(storage.ReadSamples(old, old.AddDays(3)));
    }

    [Fact]
    public async Task InfoReportsFileSizeAndSpan()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        Assert.Equal((null, null), (storage.GetInfo().OldestSampleUtc, storage.GetInfo().NewestSampleUtc));
        await storage.WriteAsync(Series(T0, 100), [], []);

        var info = storage.GetInfo();
        Assert.Equal(T0, info.OldestSampleUtc);
        Assert.Equal(T0.AddSeconds(99), info.NewestSampleUtc);
        Assert.Equal(new FileInfo(storage.DatabasePath).Length + new FileInfo(storage.DatabasePath + "-wal").Length, info.TotalBytes);
        Assert.True(info.TotalBytes > 0);
    }

    [Fact]
    public async Task FactsAreReplacedPerKindAndPeriodAndReadAsOutputFacts()
    {
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        var march = (From: new DateOnly(2025, 3, 1), To: new DateOnly(2025, 3, 31));
        await storage.SetFactAsync(new Fact(FactKinds.OutputValueCny, march.From, march.To, 1_000_000, "CNY", "ERP", T0));
        await storage.SetFactAsync(new Fact(FactKinds.OutputValueCny, march.From, march.To, 1_200_000, "CNY", "statistics report", T0.AddDays(1)));
        await storage.SetFactAsync(new Fact(FactKinds.OutputUnits, march.From, march.To, 5000, "pcs", null, T0));
        await storage.SetFactAsync(new Fact(FactKinds.OutputValueCny, new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), 9, "CNY", null, T0));

        var output = Assert.Single(storage.ReadOutputFacts(new DateOnly(2025, 3, 15), new DateOnly(2025, 4, 15)));
        Assert.Equal(new Core.Indicators.OutputFact(march.From, march.To, 1_200_000, 5000), output);
        Assert.Equal("statistics report", storage.ReadFacts(march.From, march.To, FactKinds.OutputValueCny).Single().Note);
        await Assert.ThrowsAsync<ArgumentException>(() => storage.SetFactAsync(new Fact("x", march.To, march.From, 1, null, null, T0)));

        // Deleting takes exactly that kind and period: the units go, the value stays.
        Assert.False(await storage.DeleteFactAsync(FactKinds.OutputUnits, march.From, march.To.AddDays(-1)));
        Assert.True(await storage.DeleteFactAsync(FactKinds.OutputUnits, march.From, march.To));
        Assert.False(await storage.DeleteFactAsync(FactKinds.OutputUnits, march.From, march.To));
        Assert.Equal(new Core.Indicators.OutputFact(march.From, march.To, 1_200_000, null), storage.ReadOutputFacts(march.From, march.To).Single());
    }

    [Fact]
    public async Task AuditorCanReadTheFileWithTheSqlite3Shell()
    {
        using var folder = new TempFolder();
        await using (var storage = new SqliteStorage(folder.Path))
        {
            await storage.WriteAsync([new Sample(State, Utc("2025-03-03T08:00:00.250Z"), 2, null, SampleQuality.Good)],
                [new StatusEvent("mb-cnc1", T0, false, "timeout")], [new CycleCount("mb-cnc1", T0, 60, 57)]);
        }

        var output = Sqlite3(Path.Combine(folder.Path, "edgeagent.db"),
            "SELECT time_utc, equipment_id, tag, value, quality FROM samples_readable; " +
            "SELECT time_utc, source_id, state, reason FROM status_events_readable; " +
            "SELECT minute_utc, attempts, good FROM collection_cycles_readable;");
        Assert.Equal(
            "2025-03-03T08:00:00.250Z|cnc-1|state|2.0|good\n2025-03-03T08:00:00.000Z|mb-cnc1|offline|timeout\n2025-03-03T08:00Z|60|57\n",
            output);
        Assert.Contains("Unix milliseconds UTC", Sqlite3(Path.Combine(folder.Path, "edgeagent.db"), ".schema rollups"), StringComparison.Ordinal);
    }

    private static string Sqlite3(string database, string sql)
    {
        using var process = Process.Start(new ProcessStartInfo("sqlite3", ["-readonly", database, sql])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }
}
