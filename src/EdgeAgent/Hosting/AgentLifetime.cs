using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace EdgeAgent.Hosting;

/// <summary>How the verbs that run the agent hand SIGINT/SIGTERM to the host.</summary>
internal static class AgentLifetime
{
    /// <summary>
    /// Runs the host until it stops: <paramref name="stop"/> (System.CommandLine cancels it on SIGINT/SIGTERM) only asks
    /// for the graceful stop. Passed into RunAsync instead, a signal that arrives while the host is still starting
    /// cancels the start-up, the verb ends with an OperationCanceledException and the process exits with 143 instead
    /// of 0, which systemd records as a failed stop.
    /// </summary>
    public static async Task RunUntilStoppedAsync(this WebApplication app, CancellationToken stop)
    {
        await using var registration = stop.Register(static state => ((WebApplication)state!).Lifetime.StopApplication(), app);
        await ((IHost)app).RunAsync(CancellationToken.None);
    }
}
