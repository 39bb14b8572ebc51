using EdgeAgent.Collection;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Web.Tests.Support;

/// <summary>
/// The web area in-process on a TestServer, over a real SQLite database in a temp folder and the real ingest pipeline
/// (channel → recorder → storage). Tests fill it as collectors would: through the ingest channel, or by writing
/// history straight into storage.
/// </summary>
internal sealed class WebApiHost : IAsyncDisposable
{
    /// <summary>12:00 plant time (Asia/Shanghai) on 2026-03-10; the plant-local day began at 2026-03-09T16:00Z.</summary>
    public static readonly DateTimeOffset Noon = new(2026, 3, 10, 4, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly string _folder;

    private WebApiHost(WebApplication app, string folder, AgentConfig config, FixedClock clock)
    {
        _app = app;
        _folder = folder;
        Config = config;
        Clock = clock;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public AgentConfig Config { get; }

    public FixedClock Clock { get; }

    public SqliteStorage Storage => _app.Services.GetRequiredService<SqliteStorage>();

    public LedgerService Ledger => _app.Services.GetRequiredService<LedgerService>();

    public LiveState Live => _app.Services.GetRequiredService<LiveState>();

    public IngestChannel Channel => _app.Services.GetRequiredService<IngestChannel>();

    public static async Task<WebApiHost> StartAsync(AgentConfig? config = null)
    {
        config ??= TestPlant.Create();
        var folder = Directory.CreateTempSubdirectory("edgeagent-web-test-").FullName;
        var clock = new FixedClock(Noon);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var services = builder.Services;
        services.AddSingleton(config);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(new AgentInfo("9.8.7", Noon.UtcDateTime.AddMinutes(-5), folder, "run"));
        services.AddSingleton(sp => new SqliteStorage(folder, sp.GetRequiredService<ILogger<SqliteStorage>>()));
        // Before AddIngest (which only adds what is missing): quick retries, so a failing write shows within the test.
        services.AddSingleton(new RecorderOptions { BatchSize = 100, RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(200) });
        services.AddIngest();
        services.AddSqliteIngestSink();
        // The evidence endpoints are mapped too; their ledger works on the same database (without the day closer,
        // which would seal days in the background of these tests).
        services.AddSingleton(sp => new LedgerService(sp.GetRequiredService<SqliteStorage>(), config, loggers: sp.GetRequiredService<ILoggerFactory>(), time: clock));
        services.AddEdgeAgentWeb();
        var app = builder.Build();
        app.MapEdgeAgentWeb();
        await app.StartAsync();
        return new WebApiHost(app, folder, config, clock);
    }

    /// <summary>Hands one poll cycle to ingest, as a collector does.</summary>
    public ValueTask CycleAsync(string sourceId, DateTime utc, bool good, params Sample[] samples) =>
        Channel.Writer.WriteAsync(IngestMessage.Of(new SampleBatch(sourceId, utc, samples, good)));

    /// <summary>Hands an online/offline transition to ingest, as a collector does.</summary>
    public ValueTask StatusAsync(string sourceId, DateTime utc, bool online, string reason) =>
        Channel.Writer.WriteAsync(IngestMessage.Of(new StatusEvent(sourceId, utc, online, reason)));

    /// <summary>Waits until the recorder has taken everything from the channel and <paramref name="condition"/> holds.</summary>
    public async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(Channel.Count == 0 && condition()))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
