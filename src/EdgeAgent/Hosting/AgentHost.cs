using System.Reflection;
using EdgeAgent.Collection;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Publishing;
using EdgeAgent.Storage;
using EdgeAgent.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Hosting;

/// <summary>Composition of the whole agent: one place where every area's <c>AddXyz()</c> is called.</summary>
internal static class AgentHost
{
    public static string Version { get; } =
        typeof(AgentHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Builds the agent's web application (collectors, recorder, storage, web) for a validated configuration.</summary>
    public static WebApplication Build(AgentConfig config, string dataFolder, string urls, string mode, Action<IServiceCollection>? extra = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        ConfigureLogging(builder.Logging);

        var services = builder.Services;
        services.AddSingleton(config);
        services.AddSingleton(new AgentInfo(Version, DateTime.UtcNow, dataFolder, mode));
        services.AddSingleton<SystemdNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<SystemdNotifier>());
        services.AddSqliteStorage(config.Storage, dataFolder);
        services.AddEvidenceLedger(o => o.AgentVersion = Version);
        services.AddPublishing();
        services.AddIngest();
        services.AddSqliteIngestSink();
        services.AddModbusCollection();
        services.AddOpcUaCollection();
        services.AddEdgeAgentWeb();
        extra?.Invoke(services);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        var app = builder.Build();
        app.MapEdgeAgentWeb();
        return app;
    }

    /// <summary>Console logs; in the systemd format (priority prefixes, one line per entry) when journald reads them.</summary>
    public static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM")) ||
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET")))
        {
            logging.AddSystemdConsole(o => o.UseUtcTimestamp = true);
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            });
        }

        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
    }
}
