using System.Net;
using System.Net.Sockets;
using EdgeAgent.Collection.Tests.Support;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using static EdgeAgent.Collection.Tests.Support.CollectorRig;

namespace EdgeAgent.Collection.Tests.Modbus;

/// <summary>
/// The collector when the device goes away: a real pymodbus server killed and restarted on the same port, and a TCP
/// listener that accepts but never answers. Real time, short poll intervals, waits on conditions with generous deadlines.
/// </summary>
public class ModbusSourceCollectorConnectionTests
{
    // ModbusTcpClientLog event ids: what the client did on the wire.
    private const int Connecting = 1000;
    private const int Connected = 1001;
    private const int ConnectFailed = 1002;
    private const int ConnectTimedOut = 1008;

    private static readonly string[] LostReasons = ["connection refused", "connection reset", "connection closed by device"];

    private static (string, TagConfig)[] PymodbusTags() =>
    [
        ("h10", Tag(TagTable.Holding, 10, TagType.UInt16)),
        ("h11", Tag(TagTable.Holding, 11, TagType.UInt32)),
        ("i5", Tag(TagTable.Input, 5, TagType.UInt16)),
    ];

    [Fact]
    public async Task ServerThatDisappearsGoesOfflineWithFailedCyclesAndComesBackWithBackedOffReconnects()
    {
        var port = FreeTcpPort.Find();
        var server = await PymodbusServerFixture.StartAsync(port);
        try
        {
            await using var rig = Create(SourceAt(port, pollMs: 100, timeoutMs: 1000), PymodbusTags());
            rig.Start();
            await Eventually.TrueAsync(() => rig.Batches.Any(b => b.CycleGood), TimeSpan.FromSeconds(20), "first good cycle");
            var online = Assert.Single(rig.StatusEvents);
            Assert.True(online.Online);

            server.Dispose();
            await Eventually.TrueAsync(() => rig.StatusEvents.Any(e => !e.Online), TimeSpan.FromSeconds(10), "offline event");
            var offline = rig.StatusEvents.Single(e => !e.Online);
            Assert.Contains(offline.Reason, LostReasons);

            // Stay down long enough for several backoff steps (first delay 200 ms, max 1 s).
            var downFrom = DateTime.UtcNow;
            var batchesAtDown = rig.Batches.Count;
            await Eventually.TrueAsync(() => DateTime.UtcNow - downFrom > TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), "3 s of outage");
            var failedCycles = rig.Batches.Skip(batchesAtDown).Count(b => !b.CycleGood);
            var attempts = rig.ClientLog.Entries.Count(e => e.EventId == Connecting && e.TimeUtc >= downFrom);

            server = await PymodbusServerFixture.StartAsync(port);
            await Eventually.TrueAsync(() => rig.StatusEvents.Count >= 3, TimeSpan.FromSeconds(20), "online again");
            var batchesAtBack = rig.Batches.Count;
            await Eventually.TrueAsync(() => rig.Batches.Skip(batchesAtBack).Any(b => b.CycleGood), TimeSpan.FromSeconds(10), "values resume");

            // Every cycle during the outage is handed over as failed (about 30 at 100 ms), while connect attempts back
            // off: far fewer than cycles (about 5 with this backoff), not one per cycle.
            Assert.True(failedCycles >= 15, $"{failedCycles} failed cycles during 3 s of outage");
            Assert.InRange(attempts, 2, 12);

            // One connect at a time: every "connecting" is settled (connected / failed / timed out) before the next.
            var inFlight = 0;
            foreach (var entry in rig.ClientLog.Entries.Where(e => e.EventId is Connecting or Connected or ConnectFailed or ConnectTimedOut))
            {
                inFlight += entry.EventId == Connecting ? 1 : -1;
                Assert.InRange(inFlight, 0, 1);
            }

            Assert.Equal([true, false, true], rig.StatusEvents.Select(e => e.Online));
            var again = rig.Batches.Skip(batchesAtBack).First(b => b.CycleGood);
            var values = again.Samples.ToDictionary(s => s.Key.Tag, s => s.Value);
            Assert.Equal(1010, values["h10"]);
            Assert.Equal((1011u << 16) | 1012u, values["h11"]);
            Assert.Equal(0xA005, values["i5"]);
        }
        finally
        {
            server.Dispose();
        }
    }

    [Fact]
    public async Task RefusedConnectionIsReportedOfflineWithTheReason()
    {
        var port = FreeTcpPort.Find();
        await using var rig = Create(SourceAt(port, pollMs: 100), PymodbusTags());
        rig.Start();

        await Eventually.TrueAsync(() => rig.StatusEvents.Count > 0, TimeSpan.FromSeconds(10), "a status event");
        var offline = Assert.Single(rig.StatusEvents);
        Assert.False(offline.Online);
        Assert.Equal("connection refused", offline.Reason);
        await Eventually.TrueAsync(() => rig.Batches.Count >= 5, TimeSpan.FromSeconds(10), "five cycles");
        Assert.All(rig.Batches, b => Assert.False(b.CycleGood));
    }

    [Fact]
    public async Task ServerThatAcceptsButNeverAnswersGoesOfflineWithTimeoutWithinTheRequestTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<(DateTime At, TcpClient Connection)>();
        using var stop = new CancellationTokenSource();
        var acceptLoop = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var connection = await silent.AcceptTcpClientAsync(stop.Token);
                    lock (accepted)
                    {
                        accepted.Add((DateTime.UtcNow, connection));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Test over.
            }
        });

        const int TimeoutMs = 300;
        try
        {
            await using var rig = Create(SourceAt(((IPEndPoint)silent.LocalEndpoint).Port, pollMs: 100, timeoutMs: TimeoutMs), PymodbusTags());
            rig.Start();

            await Eventually.TrueAsync(() => rig.StatusEvents.Count > 0, TimeSpan.FromSeconds(10), "a status event");
            var offline = Assert.Single(rig.StatusEvents);
            Assert.False(offline.Online);
            Assert.Equal("timeout", offline.Reason);

            DateTime firstAccept;
            lock (accepted)
            {
                firstAccept = accepted[0].At;
            }

            // Reported within the request timeout of the first request (plus scheduling slack on a busy machine).
            Assert.InRange(offline.TimestampUtc - firstAccept, TimeSpan.Zero, TimeSpan.FromMilliseconds(TimeoutMs + 1500));
            await Eventually.TrueAsync(() => rig.Batches.Count >= 5, TimeSpan.FromSeconds(10), "five cycles");

            // A device that accepts and then fails every read is not handed a fresh connection each cycle: after the
            // first immediate retry the reconnects back off (200 ms, 400 ms, 800 ms, 1 s...), about 6 in 4 s instead of 10.
            await Eventually.TrueAsync(() => DateTime.UtcNow - firstAccept > TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(10), "4 s of silence");
            int connections;
            lock (accepted)
            {
                connections = accepted.Count(a => a.At - firstAccept <= TimeSpan.FromSeconds(4));
            }

            Assert.InRange(connections, 2, 7);
            Assert.All(rig.Batches, b => Assert.False(b.CycleGood));
            Assert.DoesNotContain(rig.StatusEvents, e => e.Online);
        }
        finally
        {
            await stop.CancelAsync();
            await acceptLoop;
            lock (accepted)
            {
                accepted.ForEach(a => a.Connection.Dispose());
            }
        }
    }
}
