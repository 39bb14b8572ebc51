namespace EdgeAgent.Mqtt.Tests;

public sealed class MqttClientOptionsTests
{
    [Fact]
    public void DefaultsWithAClientIdAreValid()
    {
        Assert.Empty(new MqttClientOptions { ClientId = "gw-1" }.Validate());
    }

    [Fact]
    public void EachErrorNamesItsSetting()
    {
        var errors = new MqttClientOptions
        {
            Host = "",
            Port = 70000,
            ClientId = "",
            ProtocolVersion = MqttProtocolVersion.V311,
            KeepAlive = TimeSpan.FromDays(2),
            Password = "only-a-password",
            MaxInFlight = 0,
            ReconnectMinDelay = TimeSpan.FromSeconds(5),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            Tls = new MqttTlsOptions { Enabled = true, CaCertificatePath = "/nonexistent/ca.pem", ClientCertificatePath = "c.pem" },
        }.Validate();

        foreach (var setting in new[] { "Host", "Port", "ClientId", "KeepAlive", "Username", "MaxInFlight", "ReconnectMinDelay", "Tls.CaCertificatePath", "Tls.ClientCertificatePath" })
        {
            Assert.Contains(errors, e => e.StartsWith(setting, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TheClientRefusesInvalidOptionsAndNeverEchoesThePassword()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MqttClient(new MqttClientOptions { ClientId = "", Password = "hunter2", Username = "u" }));

        Assert.Contains("ClientId", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishBeforeConnectIsAnError()
    {
        await using var client = new MqttClient(new MqttClientOptions { ClientId = "gw-1" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.PublishAsync("a/b", new byte[] { 1 }));
    }
}
