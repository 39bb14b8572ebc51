using Xunit.Abstractions;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>Client options tuned for tests: short timeouts and quick reconnects, everything on 127.0.0.1.</summary>
internal static class TestClients
{
    public static MqttClientOptions Options(int port, MqttProtocolVersion version, string? clientId = null) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        ClientId = clientId ?? "edgeagent-test-" + Guid.NewGuid().ToString("N")[..10],
        ProtocolVersion = version,
        KeepAlive = TimeSpan.FromSeconds(10),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PublishTimeout = TimeSpan.FromSeconds(30),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    };

    public static MqttClient Create(MqttClientOptions options, ITestOutputHelper output) =>
        new(options, new TestOutputLogger<MqttClient>(output));

    public static string Topic(string prefix) => $"edgeagent-test/{prefix}/{Guid.NewGuid():N}";
}
