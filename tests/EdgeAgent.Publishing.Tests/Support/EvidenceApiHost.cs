using System.Net;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Storage;
using EdgeAgent.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Publishing.Tests.Support;

/// <summary>The evidence API alone on Kestrel (127.0.0.1, free port) over a <see cref="TestLedger"/>.</summary>
internal sealed class EvidenceApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EvidenceApiHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<EvidenceApiHost> StartAsync(TestLedger ledger)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<AgentConfig>(ledger.Config);
        builder.Services.AddSingleton<SqliteStorage>(ledger.Storage);
        builder.Services.AddSingleton<LedgerService>(ledger.Ledger);
        builder.Services.AddSingleton(TimeProvider.System);
        var app = builder.Build();
        app.MapEvidenceApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new EvidenceApiHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
