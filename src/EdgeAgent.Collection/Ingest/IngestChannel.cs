using System.Threading.Channels;

namespace EdgeAgent.Collection.Ingest;

/// <summary>
/// The bounded hand-over between collectors and the recorder. Full mode is Wait: when storage falls behind, collectors
/// slow down instead of data being dropped silently.
/// </summary>
public sealed class IngestChannel
{
    /// <summary>Default capacity in messages (poll cycles).</summary>
    public const int DefaultCapacity = 1024;

    private readonly Channel<IngestMessage> _channel;

    public IngestChannel(int capacity = DefaultCapacity)
    {
        _channel = Channel.CreateBounded<IngestMessage>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>Messages waiting for the recorder.</summary>
    public int Count => _channel.Reader.Count;

    public ChannelWriter<IngestMessage> Writer => _channel.Writer;

    public ChannelReader<IngestMessage> Reader => _channel.Reader;
}
