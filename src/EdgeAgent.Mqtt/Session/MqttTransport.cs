using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Mqtt.Session;

/// <summary>Opens the byte stream to the broker: TCP, optionally wrapped in TLS with host name validation.</summary>
internal static class MqttTransport
{
    public static async Task<Stream> ConnectAsync(MqttClientOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new MqttConnectException($"Cannot reach MQTT broker {options.Host}:{options.Port}: {ex.Message}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var network = new NetworkStream(socket, ownsSocket: true);
        if (!options.Tls.Enabled)
        {
            return network;
        }

        var rejection = string.Empty;
        var ssl = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            var authentication = CreateAuthenticationOptions(options, (errors, chainStatus) =>
            {
                rejection = $"{errors} {chainStatus}".Trim();
                logger.CertificateRejected(options.Host, options.Port, errors, chainStatus);
            });
            await ssl.AuthenticateAsClientAsync(authentication, cancellationToken).ConfigureAwait(false);
            return ssl;
        }
        catch (AuthenticationException ex)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            var detail = rejection.Length > 0 ? $"the broker certificate was rejected ({rejection})" : ex.Message;
            throw new MqttConnectException($"TLS handshake with MQTT broker {options.Host}:{options.Port} failed: {detail}.", ex);
        }
        catch (IOException ex)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new MqttConnectException($"TLS handshake with MQTT broker {options.Host}:{options.Port} failed: {ex.Message}", ex);
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SslClientAuthenticationOptions CreateAuthenticationOptions(MqttClientOptions options, Action<string, string> onRejected)
    {
        var tls = options.Tls;
        var authentication = new SslClientAuthenticationOptions
        {
            TargetHost = tls.TargetHost ?? options.Host,

            // SslStream checks the name against the certificate; the callback only refuses to relax anything.
            RemoteCertificateValidationCallback = (_, _, chain, errors) =>
            {
                if (errors == SslPolicyErrors.None)
                {
                    return true;
                }

                var status = chain is null
                    ? string.Empty
                    : string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
                onRejected(errors.ToString(), status);
                return false;
            },
        };

        if (tls.CaCertificatePath is not null)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.ImportFromPemFile(tls.CaCertificatePath);
            if (policy.CustomTrustStore.Count == 0)
            {
                throw new MqttConnectException($"Tls.CaCertificatePath '{tls.CaCertificatePath}' holds no PEM certificate.");
            }

            authentication.CertificateChainPolicy = policy;
        }

        if (tls.ClientCertificatePath is not null && tls.ClientKeyPath is not null)
        {
            using var pem = X509Certificate2.CreateFromPemFile(tls.ClientCertificatePath, tls.ClientKeyPath);

            // Re-import through PKCS#12: SslStream on Windows cannot use the ephemeral key of a PEM import.
            var certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
            authentication.ClientCertificates = [certificate];
        }

        return authentication;
    }
}
