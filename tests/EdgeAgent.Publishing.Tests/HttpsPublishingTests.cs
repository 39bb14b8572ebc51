using System.Text;
using EdgeAgent.Evidence;
using EdgeAgent.Publishing.Outbox;
using EdgeAgent.Publishing.Tests.Support;
using Xunit.Abstractions;

namespace EdgeAgent.Publishing.Tests;

public sealed class HttpsPublishingTests(ITestOutputHelper output) : IDisposable
{
    private const string BearerToken = "platform-token-42";
    private readonly TestLedger _ledger = new();

    [Fact]
    public async Task RetriesServerErrorsHonoursRetryAfterTreats409AsDeliveredAndParks400()
    {
        await using var receiver = await HttpsReceiver.StartAsync(_ledger.DataFolder);
        var records = await _ledger.AddDaysAsync(3);
        Assert.Equal(3, records.Count);

        // Record 1: 500, then 429 with Retry-After: 1, then 409 (the platform had it). Record 2: 400. Record 3: 200.
        receiver.Answer(500, body: "database down");
        receiver.Answer(429, retryAfter: "1", body: "slow down");
        receiver.Answer(409, body: "already have it");
        receiver.Answer(400, body: "{\"error\":\"unknown agent\"}");
        await using var harness = new PublishingHarness(_ledger, Options(receiver), output);
        await harness.StartAsync();
        await harness.WaitDeliveredAsync(OutboxChannel.Https, 3, TimeSpan.FromSeconds(20));

        var requests = receiver.Requests.ToList();
        Assert.Equal(["1", "1", "1", "2", "3"], requests.Select(r => r.RecordSeq));
        var backoff = requests[1].At - requests[0].At;
        var retryAfter = requests[2].At - requests[1].At;
        Assert.True(backoff < TimeSpan.FromSeconds(0.9), $"backoff after 500 was {backoff}");
        Assert.True(retryAfter >= TimeSpan.FromSeconds(0.95), $"the retry after 'Retry-After: 1' came after {retryAfter}");
        foreach (var request in requests)
        {
            var record = records[int.Parse(request.RecordSeq) - 1];
            Assert.Equal(Encoding.ASCII.GetBytes(record.Jws), request.Body);
            Assert.Equal(record.RecordHash, request.IdempotencyKey);
            Assert.Equal("application/jose", request.ContentType);
            Assert.Equal("Bearer " + BearerToken, request.Authorization);
        }

        var items = harness.Store.Items(OutboxChannel.Https);
        Assert.Equal([OutboxState.Delivered, OutboxState.Parked, OutboxState.Delivered], items.Select(i => i.State));
        Assert.Equal([3, 1, 1], items.Select(i => i.Attempts));
        Assert.Contains("HTTP 400", items[1].LastError, StringComparison.Ordinal);
        Assert.Contains("unknown agent", items[1].LastError, StringComparison.Ordinal);

        var status = harness.Monitor.Snapshot();
        Assert.Equal(0, status.Depth);
        Assert.NotNull(status.LastPush);
        var parked = Assert.Single(status.Parked);
        Assert.Equal(("https", 2L, records[1].Day), (parked.Channel, parked.RecordSeq, parked.Day));
        Assert.StartsWith("HTTP 400 Bad Request", parked.Reason, StringComparison.Ordinal);
        var channel = Assert.Single(status.Channels);
        Assert.Equal((2L, 1L, 0L), (channel.Delivered, channel.Parked, channel.Depth));
        Assert.Equal(3, channel.FailuresSinceStart);
    }

    [Fact]
    public async Task TheRecordAtTheHeadBlocksLaterOnesUntilDelivered()
    {
        await using var receiver = await HttpsReceiver.StartAsync(_ledger.DataFolder);
        await _ledger.AddDaysAsync(2);
        for (var i = 0; i < 5; i++)
        {
            receiver.Answer(503, body: "maintenance");
        }

        await using var harness = new PublishingHarness(_ledger, Options(receiver), output);
        await harness.StartAsync();
        await harness.WaitDeliveredAsync(OutboxChannel.Https, 2, TimeSpan.FromSeconds(20));

        Assert.Equal(["1", "1", "1", "1", "1", "1", "2"], receiver.Requests.Select(r => r.RecordSeq));
        Assert.Equal([6, 1], harness.Store.Items(OutboxChannel.Https).Select(i => i.Attempts));
    }

    [Fact]
    public async Task AParkedRecordRequeuedByTheOperatorGoesOutAgainWhileTheAgentRuns()
    {
        await using var receiver = await HttpsReceiver.StartAsync(_ledger.DataFolder);
        await _ledger.AddDaysAsync(2);
        receiver.Answer(401, body: "token expired");
        await using var harness = new PublishingHarness(_ledger, Options(receiver), output);
        await harness.StartAsync();
        await Eventually.HoldsAsync(
            () => harness.Store.Items(OutboxChannel.Https).Select(i => i.State).SequenceEqual([OutboxState.Parked, OutboxState.Delivered]),
            TimeSpan.FromSeconds(20),
            () => "record 1 was not parked and record 2 not delivered");

        // The operator fixed the token on the platform side; the running dispatcher notices the requeued row by itself.
        var parked = harness.Store.Items(OutboxChannel.Https)[0];
        Assert.Equal(0, harness.Store.Requeue([harness.Store.Items(OutboxChannel.Https)[1].Id]));
        Assert.Equal(1, harness.Store.Requeue([parked.Id]));
        await harness.WaitDeliveredAsync(OutboxChannel.Https, 2, TimeSpan.FromSeconds(20));

        Assert.Equal(["1", "2", "1"], receiver.Requests.Select(r => r.RecordSeq));
        var item = harness.Store.Items(OutboxChannel.Https)[0];
        Assert.Equal((OutboxState.Delivered, 2), (item.State, item.Attempts));
        Assert.StartsWith("requeued after: HTTP 401", item.LastError, StringComparison.Ordinal);
        Assert.Empty(harness.Monitor.Snapshot().Parked);
        Assert.Equal(0, harness.Store.Requeue(null));
    }

    [Fact]
    public async Task PendingRecordsSurviveARestartAndGoOutInOrderWhenThePlatformReturns()
    {
        var records = await _ledger.AddDaysAsync(2);
        var port = TestPeers.Mqtt.MosquittoBroker.FreePort();
        var options = PublishingHarness.TestOptions(_ledger, p => p.Https.Url = $"https://127.0.0.1:{port}/records");

        // Nobody listens yet: the head record collects failures, nothing is delivered.
        await using (var first = new PublishingHarness(_ledger, options, output))
        {
            await first.StartAsync();
            await Eventually.HoldsAsync(() => first.Store.NextPending(OutboxChannel.Https)?.Attempts >= 2, TimeSpan.FromSeconds(10), () => "no failed attempts recorded");
            await first.StopAsync();
            var head = first.Store.NextPending(OutboxChannel.Https)!;
            Assert.Equal(1, head.RecordSeq);
            Assert.NotNull(head.LastError);
            Assert.Equal(2, first.Monitor.Snapshot().Depth);
            Assert.NotNull(first.Monitor.Snapshot().Channels[0].LastError);
        }

        // Another day is closed while the agent is down; then the platform comes up and the agent restarts.
        records = [.. records, .. await _ledger.AddDaysAsync(1)];
        await using var receiver = await HttpsReceiver.StartAsync(_ledger.DataFolder, port);
        options.Config.Https.CaCertificatePath = receiver.CertificatePath;
        await using var second = new PublishingHarness(_ledger, options, output);
        await second.StartAsync();
        await second.WaitDeliveredAsync(OutboxChannel.Https, 3, TimeSpan.FromSeconds(20));

        Assert.Equal(["1", "2", "3"], receiver.Requests.Select(r => r.RecordSeq));
        Assert.Equal(records.Select(r => r.RecordHash), receiver.Requests.Select(r => r.IdempotencyKey));
        Assert.All(second.Store.Items(OutboxChannel.Https), i => Assert.Equal(OutboxState.Delivered, i.State));
    }

    [Fact]
    public async Task ACertificateFromAnUnknownIssuerIsRetriedNotSentAnyway()
    {
        await using var receiver = await HttpsReceiver.StartAsync(_ledger.DataFolder);
        await _ledger.AddDaysAsync(1);
        var options = PublishingHarness.TestOptions(_ledger, p => p.Https.Url = receiver.Url.ToString());

        await using var harness = new PublishingHarness(_ledger, options, output);
        await harness.StartAsync();
        await Eventually.HoldsAsync(() => harness.Store.NextPending(OutboxChannel.Https)?.Attempts >= 1, TimeSpan.FromSeconds(10), () => "no failed attempt");
        await harness.StopAsync();

        Assert.Empty(receiver.Requests);
        Assert.Contains("SSL", harness.Store.NextPending(OutboxChannel.Https)!.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task APlatformThatDoesNotAnswerInTimeIsRetried()
    {
        await using var receiver = await HttpsReceiver.StartAsync(_ledger.DataFolder);
        await _ledger.AddDaysAsync(1);
        receiver.Answer(200, delay: TimeSpan.FromSeconds(5));
        var options = Options(receiver);
        options.Config.Https.TimeoutSeconds = 1;

        await using var harness = new PublishingHarness(_ledger, options, output);
        await harness.StartAsync();
        await harness.WaitDeliveredAsync(OutboxChannel.Https, 1, TimeSpan.FromSeconds(20));

        var item = harness.Store.Items(OutboxChannel.Https).Single();
        Assert.Equal((OutboxState.Delivered, 2), (item.State, item.Attempts));
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(1, harness.Monitor.Snapshot().Channels.Single().FailuresSinceStart);
    }

    [Fact]
    public async Task ARetryAfterIsStillHonouredAfterARestart()
    {
        await using var receiver = await HttpsReceiver.StartAsync(_ledger.DataFolder);
        await _ledger.AddDaysAsync(1);
        receiver.Answer(503, retryAfter: "3", body: "maintenance until later");
        var options = Options(receiver);
        await using (var first = new PublishingHarness(_ledger, options, output))
        {
            await first.StartAsync();
            await Eventually.HoldsAsync(() => first.Store.NextPending(OutboxChannel.Https)?.Attempts == 1, TimeSpan.FromSeconds(10), () => "no failed attempt");
            await first.StopAsync();
        }

        var head = Assert.Single(new OutboxStore(_ledger.Storage).Items(OutboxChannel.Https));
        Assert.True(head.NextAttemptAt > DateTimeOffset.UtcNow.AddSeconds(1), $"next attempt stored as {head.NextAttemptAt}");
        await using var second = new PublishingHarness(_ledger, options, output);
        await second.StartAsync();
        await second.WaitDeliveredAsync(OutboxChannel.Https, 1, TimeSpan.FromSeconds(20));

        var requests = receiver.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(2.9), $"retried after {requests[1].At - requests[0].At}");
        Assert.Equal(2, second.Store.Items(OutboxChannel.Https).Single().Attempts);
    }

    [Fact]
    public async Task AChannelThatCannotStartShowsWhyOnTheStatus()
    {
        await _ledger.AddDaysAsync(1);
        var options = PublishingHarness.TestOptions(_ledger, p =>
        {
            p.Https.Url = "https://127.0.0.1:9/records";
            p.Https.CaCertificatePath = Path.Combine(_ledger.DataFolder, "missing-ca.pem");
        });

        await using var harness = new PublishingHarness(_ledger, options, output);
        await harness.StartAsync();
        await Eventually.HoldsAsync(() => harness.Monitor.Snapshot().Channels.Single().LastError is not null, TimeSpan.FromSeconds(10), () => "no error shown");

        var channel = harness.Monitor.Snapshot().Channels.Single();
        Assert.Contains("missing-ca.pem", channel.LastError, StringComparison.Ordinal);
        Assert.Equal(1, channel.Depth);
    }

    public void Dispose() => _ledger.Dispose();

    private PublishingOptions Options(HttpsReceiver receiver) => PublishingHarness.TestOptions(_ledger, p =>
    {
        p.Https.Url = receiver.Url.ToString();
        p.Https.CaCertificatePath = receiver.CertificatePath;
        p.Https.BearerToken = BearerToken;
    });
}
