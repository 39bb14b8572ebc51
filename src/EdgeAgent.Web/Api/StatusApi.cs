using EdgeAgent.Collection.Ingest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeAgent.Web.Api;

/// <summary>Health, status, devices and metrics: the read-only view of the running agent.</summary>
public static class StatusApi
{
    /// <summary>Maps /healthz, /metrics, /api/status and /api/devices.</summary>
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (IngestMetrics metrics) =>
            metrics.LastStorageError is null
                ? Results.Text("ok")
                : Results.Text($"degraded: storage: {metrics.LastStorageError}", statusCode: StatusCodes.Status503ServiceUnavailable));
        endpoints.MapGet("/metrics", (StatusService status) => Results.Text(status.Metrics(), "text/plain; version=0.0.4; charset=utf-8"));

        var api = endpoints.MapGroup("/api");
        api.MapGet("/status", (StatusService status) => status.Status());
        api.MapGet("/devices", (StatusService status) => status.Devices());
        return endpoints;
    }
}
