using EdgeAgent.TestPeers.Mqtt;
using Xunit.Abstractions;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>A mosquitto with allow_anonymous false and a password file made by mosquitto_passwd.</summary>
public sealed class MqttAuthenticationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string User = "gateway-7";
    private const string Password = "s3cret-pass";

    private MosquittoBroker _broker = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("edgeagent-mqtt-auth-").FullName;
        var passwordFile = await MosquittoBroker.CreatePasswordFile(_directory, User, Password);
        _broker = new MosquittoBroker(new MosquittoSettings { AllowAnonymous = false, PasswordFile = passwordFile });
        await _broker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311, null, null)]
    [InlineData(MqttProtocolVersion.V311, User, "wrong")]
    [InlineData(MqttProtocolVersion.V500, null, null)]
    [InlineData(MqttProtocolVersion.V500, User, "wrong")]
    public async Task RefusedCredentialsGiveAClearError(MqttProtocolVersion version, string? user, string? password)
    {
        var options = TestClients.Options(_broker.Port, version);
        options.Username = user;
        options.Password = password;
        var logged = new CapturingOutput(output);
        await using var client = TestClients.Create(options, logged);

        var ex = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        output.WriteLine(ex.Message);
        Assert.Contains("refused the connection", ex.Message, StringComparison.Ordinal);
        Assert.Matches("not authorised|bad user name or password", ex.Message);
        Assert.Contains(ex.ReasonCode, version == MqttProtocolVersion.V311 ? new byte?[] { 4, 5 } : [0x86, 0x87]);
        Assert.DoesNotContain("wrong", logged.Text, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task TheRightPasswordConnectsAndIsNeverLogged(MqttProtocolVersion version)
    {
        var options = TestClients.Options(_broker.Port, version);
        options.Username = User;
        options.Password = Password;
        var logged = new CapturingOutput(output);
        await using var client = TestClients.Create(options, logged);

        await client.ConnectAsync();
        await client.PublishAsync("auth/ok", new byte[] { 1 });
        await client.DisconnectAsync();

        Assert.Contains(User, _broker.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, logged.Text, StringComparison.Ordinal);
        Assert.Contains("Connected to MQTT broker", logged.Text, StringComparison.Ordinal);
    }

    private sealed class CapturingOutput(ITestOutputHelper inner) : ITestOutputHelper
    {
        private readonly System.Text.StringBuilder _text = new();

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public void WriteLine(string message)
        {
            lock (_text)
            {
                _text.AppendLine(message);
            }

            inner.WriteLine(message);
        }

        public void WriteLine(string format, params object[] args) => WriteLine(string.Format(format, args));
    }
}
