using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeAgent.Web;

/// <summary>Wiring of the web area: status page and JSON API.</summary>
public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeAgentWeb(this IServiceCollection services)
    {
        services.TryAddSingleton<StatusService>();
        services.TryAddSingleton<OutputFactService>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
        });
        return services;
    }

    /// <summary>Maps every endpoint of the local web server.</summary>
    public static WebApplication MapEdgeAgentWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStatusPage();
        app.MapStatusApi();
        app.MapIndicatorsApi();
        app.MapEvidenceApi();
        app.MapFactsApi();
        return app;
    }
}
