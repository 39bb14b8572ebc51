using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Publishing.Outbox;

namespace EdgeAgent.Publishing.Https;

/// <summary>
/// POSTs a record's compact JWS (<c>Content-Type: application/jose</c>) to the configured URL with the record hash as
/// <c>Idempotency-Key</c>. 2xx and 409 (the platform has it already) mean delivered; 408, 429, 5xx, timeouts and
/// network errors are passing failures (with the Retry-After header when sent); any other answer parks the record
/// with the status and the start of the body as the reason. Redirects are not followed: a POST must not silently turn
/// into a GET, and evidence must not go to a host nobody configured.
/// </summary>
public sealed class HttpsRecordPublisher : IRecordPublisher
{
    private const int BodyShown = 300;

    private static readonly MediaTypeHeaderValue Jose = new("application/jose");

    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly string? _token;
    private readonly string _agentId;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    /// <summary>A publisher for <c>$.publishing.https</c>.</summary>
    public HttpsRecordPublisher(PublishingOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = options.Config.Https;
        _url = new Uri(config.Url ?? throw new ArgumentException("publishing.https.url is not set", nameof(options)), UriKind.Absolute);
        _token = config.BearerToken;
        _agentId = options.Site.AgentId;
        _timeout = TimeSpan.FromSeconds(config.TimeoutSeconds);
        _time = time ?? TimeProvider.System;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = _timeout,

            // Re-resolve the platform's name now and then (load balancers move).
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = TlsOptions(config),
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc/>
    public string Target => _url.ToString();

    /// <inheritdoc/>
    public bool? Connected => null;

    /// <inheritdoc/>
    public async Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url);
        request.Content = new ByteArrayContent(item.Payload);
        request.Content.Headers.ContentType = Jose;
        request.Headers.Add("Idempotency-Key", item.IdempotencyKey);
        request.Headers.Add("X-EdgeAgent-Agent-Id", _agentId);
        request.Headers.Add("X-EdgeAgent-Record-Seq", item.RecordSeq.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-EdgeAgent-Day", item.Day);
        request.Headers.Add("X-EdgeAgent-Kind", item.Kind);
        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
            {
                return DeliveryResult.Delivered;
            }

            var reason = await DescribeAsync(response, linked.Token).ConfigureAwait(false);
            return code is 408 or 429 or >= 500
                ? DeliveryResult.Retry(reason, RetryAfter(response))
                : DeliveryResult.Park(reason);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Retry($"no answer from {_url.Host} within {_timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            var inner = ex.InnerException is { } cause ? $" ({cause.Message})" : string.Empty;
            return DeliveryResult.Retry($"{ex.Message}{inner}");
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Retry-After as a wait from now: delta-seconds or an HTTP date; null when absent.</summary>
    internal TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            body = string.Empty;
        }

        body = body.ReplaceLineEndings(" ").Trim();
        if (body.Length > BodyShown)
        {
            body = string.Concat(body.AsSpan(0, BodyShown), "…");
        }

        return body.Length == 0 ? status : $"{status}: {body}";
    }

    private static SslClientAuthenticationOptions TlsOptions(PublishingHttpsConfig config)
    {
        var tls = new SslClientAuthenticationOptions();
        if (config.CaCertificatePath is not null)
        {
            // A private plant or platform CA: trust only it, and do not ask for CRLs it rarely publishes.
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.ImportFromPemFile(config.CaCertificatePath);
            if (policy.CustomTrustStore.Count == 0)
            {
                throw new InvalidOperationException($"publishing.https.caCertificatePath '{config.CaCertificatePath}' holds no PEM certificate");
            }

            tls.CertificateChainPolicy = policy;
        }

        if (config.ClientCertificatePath is not null && config.ClientKeyPath is not null)
        {
            using var pem = X509Certificate2.CreateFromPemFile(config.ClientCertificatePath, config.ClientKeyPath);

            // Through PKCS#12: SslStream on Windows cannot use the ephemeral key of a PEM import.
            tls.ClientCertificates = [X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null)];
        }

        return tls;
    }
}
