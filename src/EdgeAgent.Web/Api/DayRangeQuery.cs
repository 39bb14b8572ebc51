using EdgeAgent.Evidence.Ledger;
using Microsoft.AspNetCore.Http;

namespace EdgeAgent.Web.Api;

/// <summary>The <c>from</c>/<c>to</c> query of the APIs that serve a range of plant-local days (both required).</summary>
internal static class DayRangeQuery
{
    private const int MaxRangeDays = 3660;

    /// <summary>The range, or a 400 problem naming the parameter that is wrong.</summary>
    public static (DateOnly From, DateOnly To, IResult? Problem) Parse(string? from, string? to)
    {
        if (from is null || !DayBounds.TryParse(from, out var first))
        {
            return (default, default, Results.Problem($"from: '{from}' is not a date in the form YYYY-MM-DD", statusCode: StatusCodes.Status400BadRequest));
        }

        if (to is null || !DayBounds.TryParse(to, out var last))
        {
            return (default, default, Results.Problem($"to: '{to}' is not a date in the form YYYY-MM-DD", statusCode: StatusCodes.Status400BadRequest));
        }

        if (last < first)
        {
            return (default, default, Results.Problem("to is before from", statusCode: StatusCodes.Status400BadRequest));
        }

        if (last.DayNumber - first.DayNumber >= MaxRangeDays)
        {
            return (default, default, Results.Problem("the range is longer than 10 years", statusCode: StatusCodes.Status400BadRequest));
        }

        return (first, last, null);
    }
}
