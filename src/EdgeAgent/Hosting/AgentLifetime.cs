using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace EdgeAgent.Hosting;

/// <summary>How the verbs that run the agent hand SIGINT/SIGTERM to the host.</summary>
internal static class AgentLifetime
{
    /// <summary>
    /// Runs the host until it stops. Signals reach the host through its console lifetime; <paramref name="stop"/> (the
    /// verb's token) only asks for the same graceful stop. Passed into RunAsync instead, a cancellation while the host
    /// is still starting would abort the start-up with an OperationCanceledException rather than stop cleanly.
    /// </summary>
    public static async Task RunUntilStoppedAsync(this WebApplication app, CancellationToken stop)
    {
        await using var registration = stop.Register(static state => ((WebApplication)state!).Lifetime.StopApplication(), app);
        await ((IHost)app).RunAsync(CancellationToken.None);
    }
}
