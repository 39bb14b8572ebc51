using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Publishing.Tests.Support;

/// <summary>
/// An assessment platform stand-in: Kestrel over HTTPS on 127.0.0.1 with a throw-away self-signed certificate (written
/// as PEM for the publisher's caCertificatePath). It answers from a script, one answer per request, then 200; it records
/// every request it got.
/// </summary>
internal sealed class HttpsReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, string Body, TimeSpan Delay)> _script = new();

    private HttpsReceiver(WebApplication app, string certificatePath)
    {
        _app = app;
        CertificatePath = certificatePath;
    }

    /// <summary>Requests in arrival order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public string CertificatePath { get; }

    public Uri Url { get; private set; } = null!;

    public static async Task<HttpsReceiver> StartAsync(string folder, int port = 0)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        var certificatePath = Path.Combine(folder, "receiver.pem");
        await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var receiver = new HttpsReceiver(app, certificatePath);
        app.MapPost("/records", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver.Requests.Enqueue(new ReceivedRequest(
                DateTimeOffset.UtcNow,
                body.ToArray(),
                context.Request.ContentType,
                context.Request.Headers["Idempotency-Key"].ToString(),
                context.Request.Headers.Authorization.ToString(),
                context.Request.Headers["X-EdgeAgent-Record-Seq"].ToString()));
            var (status, retryAfter, text, delay) = receiver._script.TryDequeue(out var answer) ? answer : (200, null, "ok", TimeSpan.Zero);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            await context.Response.WriteAsync(text);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = new Uri(new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)), "/records");
        return receiver;
    }

    /// <summary>The next requests get these answers, in order.</summary>
    public void Answer(int status, string? retryAfter = null, string body = "", TimeSpan delay = default) => _script.Enqueue((status, retryAfter, body, delay));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
