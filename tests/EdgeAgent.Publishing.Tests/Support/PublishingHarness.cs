using EdgeAgent.Publishing.Https;
using EdgeAgent.Publishing.Mqtt;
using EdgeAgent.Publishing.Outbox;
using Xunit.Abstractions;

namespace EdgeAgent.Publishing.Tests.Support;

/// <summary>
/// The publishing area as the agent runs it (store, feeder, one dispatcher per enabled channel, monitor), over a
/// <see cref="TestLedger"/>, with short timings. Start/stop as often as a test likes: a stop is an agent shutdown.
/// </summary>
internal sealed class PublishingHarness : IAsyncDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly List<OutboxDispatcher> _dispatchers = [];

    public PublishingHarness(TestLedger ledger, PublishingOptions options, ITestOutputHelper output)
    {
        _output = output;
        Options = options;
        Store = new OutboxStore(ledger.Storage);
        Monitor = new OutboxMonitor(Store, options);
        Feeder = new OutboxFeeder(ledger.Ledger, ledger.Storage, Store, Signal, options, TimeProvider.System, new TestLogger<OutboxFeeder>(output));
    }

    public PublishingOptions Options { get; }

    public OutboxStore Store { get; }

    public OutboxSignal Signal { get; } = new();

    public OutboxMonitor Monitor { get; }

    public OutboxFeeder Feeder { get; }

    /// <summary>Options with test timings: 50 ms first retry, 400 ms cap, 200 ms feed interval.</summary>
    public static PublishingOptions TestOptions(TestLedger ledger, Action<Core.Configuration.PublishingConfig> configure)
    {
        var options = PublishingOptions.From(ledger.Config);
        options.Config = new Core.Configuration.PublishingConfig();
        configure(options.Config);
        options.RetryDelay = TimeSpan.FromMilliseconds(50);
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(400);
        options.FeedInterval = TimeSpan.FromMilliseconds(200);
        return options;
    }

    public async Task StartAsync()
    {
        Feeder.FeedOnce();
        foreach (var channel in Options.EnabledChannels())
        {
            Func<IRecordPublisher> create = channel == OutboxChannel.Https
                ? () => new HttpsRecordPublisher(Options)
                : () => new MqttRecordPublisher(Options, new TestLoggerFactory(_output));
            var dispatcher = new OutboxDispatcher(channel, create, Store, Signal, Monitor, Options, TimeProvider.System, new TestLogger<OutboxDispatcher>(_output));
            await dispatcher.StartAsync(CancellationToken.None);
            _dispatchers.Add(dispatcher);
        }
    }

    /// <summary>New ledger records into the outbox now (the feeder's timer would do it within its interval).</summary>
    public int Feed() => Feeder.FeedOnce();

    public async Task StopAsync()
    {
        foreach (var dispatcher in _dispatchers)
        {
            await dispatcher.StopAsync(CancellationToken.None);
            dispatcher.Dispose();
        }

        _dispatchers.Clear();
    }

    public Task WaitDeliveredAsync(OutboxChannel channel, int count, TimeSpan timeout) => Eventually.HoldsAsync(
        () => Store.Counts(channel).Delivered + Store.Counts(channel).Parked >= count,
        timeout,
        () => string.Join("; ", Store.Items(channel).Select(i => $"{i.RecordSeq}:{i.State}:{i.Attempts}:{i.LastError}")));

    public async ValueTask DisposeAsync() => await StopAsync();
}
