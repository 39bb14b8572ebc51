using EdgeAgent.TestPeers.Mqtt;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>Starts /usr/sbin/mosquitto on a free 127.0.0.1 port and kills it by PID at the end.</summary>
public sealed class MosquittoFixture : IAsyncLifetime
{
    public MosquittoBroker Broker { get; } = new();

    public Task InitializeAsync() => Broker.StartAsync();

    public async Task DisposeAsync() => await Broker.DisposeAsync();
}
