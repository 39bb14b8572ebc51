using EdgeAgent.TestPeers.Mqtt;
using Xunit.Abstractions;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>mosquitto with a certificate from a CA generated in the test (CertificateRequest, PEM files).</summary>
public sealed class MqttTlsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private string _directory = null!;
    private TestPki _pki = null!;
    private MosquittoBroker _broker = null!;
    private MosquittoBroker _mutualBroker = null!;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("edgeagent-mqtt-tls-").FullName;
        _pki = TestPki.Create(_directory);
        var tls = new MosquittoSettings { CaFile = _pki.CaCertificatePath, CertFile = _pki.ServerCertificatePath, KeyFile = _pki.ServerKeyPath };
        _broker = new MosquittoBroker(tls);
        _mutualBroker = new MosquittoBroker(tls with { RequireCertificate = true });
        await _broker.StartAsync();
        await _mutualBroker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _mutualBroker.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311, "127.0.0.1")]
    [InlineData(MqttProtocolVersion.V500, "localhost")]
    public async Task TlsWithTheRightCaCarriesMessages(MqttProtocolVersion version, string host)
    {
        var topic = TestClients.Topic("tls");
        await using var subscriber = TestClients.Create(TlsOptions(_broker, version, host), output);
        await using var publisher = TestClients.Create(TlsOptions(_broker, version, host), output);
        await subscriber.ConnectAsync();
        await publisher.ConnectAsync();
        await subscriber.SubscribeAsync(topic);

        await publisher.PublishAsync(topic, new byte[] { 1, 2, 3 });

        var message = await subscriber.ReceivedMessages.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new byte[] { 1, 2, 3 }, message.Payload.ToArray());
    }

    [Fact]
    public async Task ABrokerCertificateFromAnotherCaIsRejected()
    {
        var options = TlsOptions(_broker, MqttProtocolVersion.V500, "127.0.0.1");
        options.Tls.CaCertificatePath = _pki.OtherCaCertificatePath;
        await using var client = TestClients.Create(options, output);

        var ex = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        output.WriteLine(ex.Message);
        Assert.Contains("TLS handshake", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RemoteCertificateChainErrors", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACertificateForAnotherHostNameIsRejected()
    {
        var options = TlsOptions(_broker, MqttProtocolVersion.V500, "127.0.0.1");
        options.Tls.TargetHost = "broker.other-plant.example";
        await using var client = TestClients.Create(options, output);

        var ex = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        output.WriteLine(ex.Message);
        Assert.Contains("RemoteCertificateNameMismatch", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainTcpToATlsListenerFailsCleanly()
    {
        var options = TestClients.Options(_broker.Port, MqttProtocolVersion.V311);
        options.ConnectTimeout = TimeSpan.FromSeconds(2);
        await using var client = TestClients.Create(options, output);

        var ex = await Assert.ThrowsAnyAsync<MqttException>(() => client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(15)));

        output.WriteLine(ex.Message);
    }

    [Fact]
    public async Task MutualTlsWorksWithTheClientCertificateAndFailsWithoutIt()
    {
        var options = TlsOptions(_mutualBroker, MqttProtocolVersion.V500, "127.0.0.1");
        options.Tls.ClientCertificatePath = _pki.ClientCertificatePath;
        options.Tls.ClientKeyPath = _pki.ClientKeyPath;
        await using (var client = TestClients.Create(options, output))
        {
            await client.ConnectAsync();
            await client.PublishAsync("mtls/ok", new byte[] { 1 });
        }

        await using var anonymous = TestClients.Create(TlsOptions(_mutualBroker, MqttProtocolVersion.V500, "127.0.0.1"), output);
        var ex = await Assert.ThrowsAnyAsync<MqttException>(() => anonymous.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(15)));

        output.WriteLine(ex.Message);
        Assert.False(anonymous.IsConnected);
    }

    private MqttClientOptions TlsOptions(MosquittoBroker broker, MqttProtocolVersion version, string host)
    {
        var options = TestClients.Options(broker.Port, version);
        options.Host = host;
        options.Tls = new MqttTlsOptions { Enabled = true, CaCertificatePath = _pki.CaCertificatePath };
        return options;
    }
}
