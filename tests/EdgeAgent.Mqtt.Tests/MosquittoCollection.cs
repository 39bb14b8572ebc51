using EdgeAgent.TestPeers.Mqtt;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>Tests sharing one real mosquitto broker (anonymous, persistent) started once for the collection.</summary>
[CollectionDefinition(Name)]
public sealed class MosquittoCollection : ICollectionFixture<MosquittoFixture>
{
    public const string Name = "mosquitto";
}
