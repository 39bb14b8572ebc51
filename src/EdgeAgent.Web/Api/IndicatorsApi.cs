using System.Globalization;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using EdgeAgent.Core.Rollups;
using EdgeAgent.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeAgent.Web.Api;

/// <summary><c>GET /api/indicators?from=&amp;to=</c>: the same report as <c>edgeagent indicators --json</c>.</summary>
public static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/indicators", async (string? from, string? to, SqliteStorage storage, AgentConfig config, TimeProvider time, CancellationToken cancellationToken) =>
        {
            DateOnly? first = null, last = null;
            if (from is not null)
            {
                if (!TryParse(from, out var f))
                {
                    return Results.Problem($"from: '{from}' is not a date in the form YYYY-MM-DD", statusCode: StatusCodes.Status400BadRequest);
                }

                first = f;
            }

            if (to is not null)
            {
                if (!TryParse(to, out var t))
                {
                    return Results.Problem($"to: '{to}' is not a date in the form YYYY-MM-DD", statusCode: StatusCodes.Status400BadRequest);
                }

                last = t;
            }

            var query = new IndicatorQuery(storage, config);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(config.Site.TimeZone);
            var window = query.DefaultWindow(RollupCalendar.LocalDay(time.GetUtcNow().UtcDateTime, zone));
            var start = first ?? (last is { } l ? l.AddDays(-(IndicatorQuery.DefaultWindowDays - 1)) : window.From);
            var end = last ?? (first is not null ? start.AddDays(IndicatorQuery.DefaultWindowDays - 1) : window.To);
            if (end < start)
            {
                return Results.Problem("to is before from", statusCode: StatusCodes.Status400BadRequest);
            }

            if (end.DayNumber - start.DayNumber > 3660)
            {
                return Results.Problem("the window is longer than 10 years", statusCode: StatusCodes.Status400BadRequest);
            }

            var report = await query.ComputeAsync(start, end, cancellationToken).ConfigureAwait(false);
            return Results.Json(report, IndicatorReport.JsonOptions);
        });
        return endpoints;
    }

    private static bool TryParse(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
