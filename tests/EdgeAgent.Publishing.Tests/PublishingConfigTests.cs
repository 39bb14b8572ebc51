using System.Text.Json;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Publishing.Mqtt;

namespace EdgeAgent.Publishing.Tests;

public sealed class PublishingConfigTests
{
    private const string Site = """
        "site": { "id": "plant-p", "industry": "C34", "timeZone": "Asia/Shanghai", "agentId": "gw-p" }
        """;

    [Fact]
    public void PublishingIsOffByDefault()
    {
        var config = Parse("{" + Site + "}");

        Assert.False(config.Publishing.Https.Enabled);
        Assert.False(config.Publishing.Mqtt.Enabled);
        Assert.Empty(PublishingOptions.From(config).EnabledChannels());
    }

    [Fact]
    public void ErrorsNameTheirJsonPaths()
    {
        var result = ConfigReader.Parse("{" + Site + """
            , "publishing": {
                "retryDelaySeconds": 0,
                "https": { "url": "http://platform.example/records", "clientCertificatePath": "client.pem" },
                "mqtt": { "host": "broker", "port": 70000, "topic": "edgeagent/#", "protocolVersion": "3.1.1", "password": "pw" }
              }
            }
            """);

        var errors = result.Errors.Select(e => e.Path).ToList();
        Assert.Equal(
            ["$.publishing.retryDelaySeconds", "$.publishing.https.url", "$.publishing.https.clientKeyPath", "$.publishing.mqtt.port", "$.publishing.mqtt.topic", "$.publishing.mqtt.username"],
            errors);
    }

    [Fact]
    public void AnUnknownMqttVersionIsRefusedWithItsPath()
    {
        var result = ConfigReader.Parse("{" + Site + """, "publishing": { "mqtt": { "host": "b", "protocolVersion": "3" } } }""");

        Assert.Equal("$.publishing.mqtt.protocolVersion", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void SecretsNeverReachTheEffectiveConfigurationTheLedgerStores()
    {
        var config = Parse("{" + Site + """
            , "publishing": {
                "https": { "url": "https://platform.example/records", "bearerToken": "tok-SECRET-1" },
                "mqtt": { "host": "broker.example", "username": "gw", "password": "pw-SECRET-2" }
              }
            }
            """);

        var stored = System.Text.Encoding.UTF8.GetString(EffectiveConfig.CanonicalBytes(config));

        Assert.Equal("tok-SECRET-1", config.Publishing.Https.BearerToken);
        Assert.Equal("pw-SECRET-2", config.Publishing.Mqtt.Password);
        Assert.DoesNotContain("SECRET", stored, StringComparison.Ordinal);
        Assert.Contains("\"bearerToken\":\"***redacted-secret***\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", JsonSerializer.Serialize(config, ConfigReader.JsonOptions), StringComparison.Ordinal);
    }

    [Fact]
    public void MqttSettingsMapToAPersistentQos1ClientThatWaitsOutOutages()
    {
        var options = PublishingOptions.From(Parse("{" + Site + """
            , "publishing": { "maxRetryDelaySeconds": 120, "mqtt": { "host": "broker.example", "caCertificatePath": "/etc/edgeagent/ca.pem" } } }
            """));

        var client = MqttRecordPublisher.ClientOptions(options);

        Assert.Equal("edgeagent/plant-p/gw-p/days", options.MqttTopic());
        Assert.Equal(("broker.example", 8883, "edgeagent-gw-p"), (client.Host, client.Port, client.ClientId));
        Assert.False(client.CleanSession);
        Assert.True(client.Tls.Enabled);
        Assert.Equal("/etc/edgeagent/ca.pem", client.Tls.CaCertificatePath);
        Assert.Equal(Timeout.InfiniteTimeSpan, client.PublishTimeout);
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120)), (client.ReconnectMinDelay, client.ReconnectMaxDelay));
        Assert.Equal(TimeSpan.FromDays(7), client.SessionExpiryInterval);
    }

    private static AgentConfig Parse(string json)
    {
        var result = ConfigReader.Parse(json);
        Assert.Empty(result.Errors);
        return result.Config!;
    }
}
