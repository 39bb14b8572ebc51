using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeAgent.Web.Api;

/// <summary>
/// The facts API for the plant's own staff (docs/api.md, "Facts API"): output value and units produced entered per
/// period, for the energy-per-output indicators. Every request needs <c>Authorization: Bearer &lt;token&gt;</c> with one
/// of <c>$.web.operatorTokens</c>; with no tokens configured the API refuses everyone.
/// </summary>
public static class FactsApi
{
    private const int MaxBodyBytes = 64 * 1024;
    private static readonly string[] Fields = ["from", "to", "valueCny", "units", "note"];

    /// <summary>Maps GET, PUT and DELETE /api/facts/output behind the operator-token check.</summary>
    public static IEndpointRouteBuilder MapFactsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/facts").AddEndpointFilter(BearerTokens.Filter(
            "edgeagent-operator",
            static config => config.Web.OperatorTokens,
            "the facts API is closed: no tokens in $.web.operatorTokens",
            "send Authorization: Bearer <token> with a token from $.web.operatorTokens"));

        api.MapGet("/output", (string? from, string? to, OutputFactService facts) =>
        {
            var (first, last, problem) = DayRangeQuery.Parse(from, to);
            if (problem is not null)
            {
                return problem;
            }

            return Json(new JsonObject
            {
                ["from"] = DayBounds.Format(first),
                ["to"] = DayBounds.Format(last),
                ["usedByIndicators"] = facts.FactsAreUsed,
                ["facts"] = new JsonArray(facts.List(first, last).Select(f => (JsonNode?)ToJson(f)).ToArray()),
            });
        });

        api.MapPut("/output", async (HttpRequest request, OutputFactService facts, CancellationToken cancellationToken) =>
        {
            if (request.ContentLength > MaxBodyBytes)
            {
                return Results.Problem($"the body is larger than {MaxBodyBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            var (entry, errors) = await ReadEntryAsync(request, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<LedgerEntry> corrections = [];
            if (entry is not null)
            {
                (errors, corrections) = await facts.SetAsync(entry, cancellationToken).ConfigureAwait(false);
            }

            if (entry is null || errors.Count > 0)
            {
                return Results.Problem(string.Join("; ", errors), statusCode: StatusCodes.Status400BadRequest, title: "The output fact was not stored",
                    extensions: new Dictionary<string, object?> { ["errors"] = errors });
            }

            var stored = facts.List(entry.From, entry.To).Single(f => f.From == entry.From && f.To == entry.To);
            var body = new JsonObject
            {
                ["fact"] = ToJson(stored),
                ["usedByIndicators"] = facts.FactsAreUsed,
                ["corrections"] = Corrections(corrections),
            };
            if (!facts.FactsAreUsed)
            {
                body["note"] = "stored, but $.indicators.output.source is counters: the energy indicators value good parts at their unit price and do not use entered facts";
            }

            return Json(body);
        });

        api.MapDelete("/output", async (string? from, string? to, OutputFactService facts, CancellationToken cancellationToken) =>
        {
            if (!DayBounds.TryParse(from, out var first) || !DayBounds.TryParse(to, out var last))
            {
                return Results.Problem($"{(DayBounds.TryParse(from, out _) ? "to" : "from")}: not a date in the form YYYY-MM-DD (give exactly the period entered)", statusCode: StatusCodes.Status400BadRequest);
            }

            var corrections = await facts.DeleteAsync(first, last, cancellationToken).ConfigureAwait(false);
            if (corrections is null)
            {
                return Results.Problem($"no output value was entered for exactly {DayBounds.Format(first)} .. {DayBounds.Format(last)}", statusCode: StatusCodes.Status404NotFound);
            }

            return Json(new JsonObject
            {
                ["deleted"] = new JsonObject { ["from"] = DayBounds.Format(first), ["to"] = DayBounds.Format(last) },
                ["corrections"] = Corrections(corrections),
            });
        });
        return endpoints;
    }

    private static JsonArray Corrections(IReadOnlyList<LedgerEntry> corrections) =>
        new(corrections.Select(c => (JsonNode?)new JsonObject
        {
            ["day"] = c.Day,
            ["seq"] = c.Seq,
            ["supersedesSeq"] = c.SupersedesSeq,
            ["recordHash"] = c.RecordHash,
        }).ToArray());

    private static async Task<(OutputFactEntry? Entry, IReadOnlyList<string> Errors)> ReadEntryAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonObject? body;
        try
        {
            using var limited = new MemoryStream();
            await request.Body.CopyToAsync(limited, cancellationToken).ConfigureAwait(false);
            if (limited.Length > MaxBodyBytes)
            {
                return (null, [$"$: the body is larger than {MaxBodyBytes} bytes"]);
            }

            body = JsonNode.Parse(limited.ToArray()) as JsonObject;
        }
        catch (JsonException ex)
        {
            return (null, [$"$: not JSON ({ex.Message})"]);
        }

        if (body is null)
        {
            return (null, ["$: send a JSON object { \"from\", \"to\", \"valueCny\", \"units\", \"note\" }"]);
        }

        var errors = new List<string>();
        foreach (var (name, _) in body)
        {
            if (!Fields.Contains(name, StringComparer.Ordinal))
            {
                errors.Add($"$.{name}: unknown field (expected {string.Join(", ", Fields)})");
            }
        }

        var from = Day(body, "from", errors);
        var to = Day(body, "to", errors);
        var value = Number(body, "valueCny", required: true, errors);
        var units = Number(body, "units", required: false, errors);
        string? note = null;
        if (body["note"] is JsonNode noteNode)
        {
            if (noteNode is JsonValue v && v.TryGetValue<string>(out var text))
            {
                note = text;
            }
            else
            {
                errors.Add("$.note: must be a string");
            }
        }

        return errors.Count > 0 || from is null || to is null || value is null
            ? (null, errors)
            : (new OutputFactEntry(from.Value, to.Value, value.Value, units, note), errors);
    }

    private static DateOnly? Day(JsonObject body, string name, List<string> errors)
    {
        if (body[name] is JsonValue value && value.TryGetValue<string>(out var text) && DayBounds.TryParse(text, out var day))
        {
            return day;
        }

        errors.Add(body[name] is null ? $"$.{name}: required, a plant-local day YYYY-MM-DD" : $"$.{name}: not a date in the form YYYY-MM-DD");
        return null;
    }

    private static double? Number(JsonObject body, string name, bool required, List<string> errors)
    {
        var node = body[name];
        if (node is null)
        {
            if (required)
            {
                errors.Add($"$.{name}: required, a number");
            }

            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number))
        {
            return number;
        }

        errors.Add($"$.{name}: must be a number (not a string)");
        return null;
    }

    private static JsonObject ToJson(StoredOutputFact fact) => new()
    {
        ["from"] = DayBounds.Format(fact.From),
        ["to"] = DayBounds.Format(fact.To),
        ["valueCny"] = fact.ValueCny,
        ["units"] = fact.Units,
        ["note"] = fact.Note,
        ["enteredAt"] = fact.EnteredUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
    };

    private static IResult Json(JsonNode body) => Results.Text(body.ToJsonString(), "application/json; charset=utf-8");
}
