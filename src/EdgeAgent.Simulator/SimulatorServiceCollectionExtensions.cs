using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Simulator;

/// <summary>Wiring of the simulated plant.</summary>
public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Runs the simulated plant inside the host (see <see cref="SimulatedPlantService"/>) for the registered
    /// <c>AgentConfig</c>, whose sources it points at the simulator before any collector starts.
    /// </summary>
    public static IServiceCollection AddSimulatedPlant(this IServiceCollection services, Action<SimulatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SimulatorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SimulatedPlantService>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulatedPlantService>());
        return services;
    }
}
