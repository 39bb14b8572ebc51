using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeAgent.Web;

/// <summary>The status page: three static files embedded in the assembly, so the agent ships as one folder.</summary>
public static class StatusPage
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Assets = Load();

    /// <summary>Maps / (index.html), /status.js and /status.css.</summary>
    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Asset("index.html"));
        endpoints.MapGet("/status.js", () => Asset("status.js"));
        endpoints.MapGet("/status.css", () => Asset("status.css"));
        return endpoints;
    }

    private static IResult Asset(string name)
    {
        var (content, type) = Assets[name];
        return Results.Bytes(content, type);
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(StatusPage).Assembly;
        var result = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var (name, type) in new[] { ("index.html", "text/html; charset=utf-8"), ("status.js", "text/javascript; charset=utf-8"), ("status.css", "text/css; charset=utf-8") })
        {
            using var stream = assembly.GetManifestResourceStream("EdgeAgent.Web.wwwroot." + name)
                ?? throw new InvalidOperationException($"status page asset {name} is missing from the assembly");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            result[name] = (buffer.ToArray(), type);
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
