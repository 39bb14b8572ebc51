using System.Security.Cryptography;
using System.Text;
using EdgeAgent.Core.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeAgent.Web.Api;

/// <summary>
/// Bearer-token checks of the protected APIs (RFC 6750): the evidence API with <c>$.web.evidenceTokens</c>, the facts
/// API with <c>$.web.operatorTokens</c>. With no tokens configured an API refuses everyone.
/// </summary>
public static class BearerTokens
{
    /// <summary>
    /// True when <paramref name="authorization"/> is <c>Bearer &lt;token&gt;</c> with a configured token. Both sides are
    /// hashed first so the comparison takes the same time whatever the lengths, and every configured token is compared
    /// (no early exit), so the timing tells nothing about which part matched.
    /// </summary>
    public static bool IsAuthorized(string? authorization, IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        const string Scheme = "Bearer ";
        if (tokens.Count == 0 || authorization is null || authorization.Length <= Scheme.Length ||
            !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()), presented);
        var match = false;
        foreach (var token in tokens)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(token), expected);
            match |= CryptographicOperations.FixedTimeEquals(presented, expected);
        }

        return match;
    }

    /// <summary>
    /// An endpoint filter that answers 401 (with the <c>WWW-Authenticate</c> challenge of <paramref name="realm"/>)
    /// unless the request carries one of the tokens <paramref name="tokens"/> selects from the configuration.
    /// </summary>
    public static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Filter(
        string realm,
        Func<AgentConfig, IReadOnlyList<string>> tokens,
        string closedDetail,
        string missingDetail)
    {
        var challenge = $"Bearer realm=\"{realm}\"";
        return async (context, next) =>
        {
            var http = context.HttpContext;
            var configured = tokens(http.RequestServices.GetRequiredService<AgentConfig>());
            string? authorization = http.Request.Headers.Authorization;
            if (!IsAuthorized(authorization, configured))
            {
                // RFC 6750 §3: name the scheme; say "invalid_token" only when a token was presented.
                http.Response.Headers.WWWAuthenticate = authorization is null ? challenge : challenge + ", error=\"invalid_token\"";
                return Results.Problem(configured.Count == 0 ? closedDetail : missingDetail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
            }

            return await next(context).ConfigureAwait(false);
        };
    }
}
