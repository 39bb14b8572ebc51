using System.Globalization;
using System.Text.Json.Nodes;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Evidence.Bundle;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeAgent.Web.Api;

/// <summary>
/// The evidence API for assessment platforms and auditors (docs/api.md, "Evidence API"): signed daily records, the
/// export bundle, and inclusion/consistency proofs with the signed tree head. Every request needs
/// <c>Authorization: Bearer &lt;token&gt;</c> with one of <c>$.web.evidenceTokens</c>; with no tokens configured the
/// API refuses everyone.
/// </summary>
public static class EvidenceApi
{
    /// <summary>Maps /api/evidence/days, /api/evidence/bundle and /api/evidence/proof behind the bearer-token check.</summary>
    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/evidence").AddEndpointFilter(BearerTokens.Filter(
            "edgeagent-evidence",
            static config => config.Web.EvidenceTokens,
            "the evidence API is closed: no tokens in $.web.evidenceTokens",
            "send Authorization: Bearer <token> with a token from $.web.evidenceTokens"));
        api.MapGet("/days", (string? from, string? to, LedgerService ledger) =>
        {
            var (first, last, problem) = DayRangeQuery.Parse(from, to);
            if (problem is not null)
            {
                return problem;
            }

            var records = ledger.GetRecords(first, last);
            var inForce = records.GroupBy(r => r.Day, StringComparer.Ordinal).Select(g => g.Max(r => r.Seq)).ToHashSet();
            var body = new JsonObject
            {
                ["from"] = DayBounds.Format(first),
                ["to"] = DayBounds.Format(last),
                ["treeHead"] = ledger.LatestTreeHead()?.ToJson(),
                ["records"] = new JsonArray(records.Select(r => (JsonNode?)new JsonObject
                {
                    ["seq"] = r.Seq,
                    ["day"] = r.Day,
                    ["kind"] = r.Kind,
                    ["supersedesSeq"] = r.SupersedesSeq,
                    ["inForce"] = inForce.Contains(r.Seq),
                    ["recordHash"] = r.RecordHash,
                    ["createdAt"] = r.CreatedAt,
                    ["jws"] = r.Jws,
                    ["record"] = JsonNode.Parse(r.RecordJson),
                }).ToArray()),
            };
            return Json(body);
        });

        api.MapGet("/bundle", async (string? from, string? to, LedgerService ledger, SqliteStorage storage, AgentConfig config, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (first, last, problem) = DayRangeQuery.Parse(from, to);
            if (problem is not null)
            {
                return problem;
            }

            if (!ledger.Keys.HasCurrentKey)
            {
                return Results.Problem("the ledger has no signing key yet (no day has been closed)", statusCode: StatusCodes.Status404NotFound);
            }

            // Built in a file first: a zip is written partly synchronously, which Kestrel refuses on the response stream,
            // and a bundle of months of raw data must not sit in memory. The file goes away when the response is sent.
            var path = Path.Combine(storage.DataFolder, $"evidence-bundle-{Guid.NewGuid():N}.zip.tmp");
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                await new BundleExporter(ledger, storage, config, time).ExportAsync(first, last, file, cancellationToken).ConfigureAwait(false);
                file.Position = 0;
            }
            catch
            {
                await file.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            var name = string.Create(CultureInfo.InvariantCulture, $"evidence-{config.Site.AgentId}-{DayBounds.Format(first)}-{DayBounds.Format(last)}.zip");
            return Results.File(file, "application/zip", name);
        });

        api.MapGet("/proof", (string? day, long? size, long? oldSize, LedgerService ledger) =>
        {
            if (day is null || !DayBounds.TryParse(day, out var date))
            {
                return Results.Problem($"day: '{day}' is not a date in the form YYYY-MM-DD", statusCode: StatusCodes.Status400BadRequest);
            }

            var ledgerSize = ledger.Size;
            if (ledgerSize == 0)
            {
                return Results.Problem("the ledger is empty: no day has been closed yet", statusCode: StatusCodes.Status404NotFound);
            }

            var treeSize = size ?? ledger.LatestTreeHead()?.Size ?? ledgerSize;
            if (treeSize < 1 || treeSize > ledgerSize)
            {
                return Results.Problem(string.Create(CultureInfo.InvariantCulture, $"size: must be between 1 and {ledgerSize}"), statusCode: StatusCodes.Status400BadRequest);
            }

            if (oldSize is { } old && (old < 1 || old > treeSize))
            {
                return Results.Problem(string.Create(CultureInfo.InvariantCulture, $"oldSize: must be between 1 and size ({treeSize})"), statusCode: StatusCodes.Status400BadRequest);
            }

            var body = ledger.GetProof(date, treeSize).ToJson();
            if (oldSize is { } from)
            {
                body["consistency"] = ledger.GetConsistencyProof(from, treeSize).ToJson();
            }

            return Json(body);
        });
        return endpoints;
    }

    private static IResult Json(JsonNode body) => Results.Text(body.ToJsonString(), "application/json; charset=utf-8");
}
