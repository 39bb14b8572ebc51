using EdgeAgent.TestPeers.Mqtt;

namespace EdgeAgent.Publishing.Tests.Support;

/// <summary>Helpers for tests that run their own mosquitto (each test stops and starts its broker at will).</summary>
internal static class Brokers
{
    public static async Task<MosquittoBroker> StartAsync(MosquittoSettings? settings = null)
    {
        var broker = new MosquittoBroker(settings);
        await broker.StartAsync();
        return broker;
    }
}
