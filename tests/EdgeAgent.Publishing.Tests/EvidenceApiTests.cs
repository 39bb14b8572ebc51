using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using EdgeAgent.Evidence;
using EdgeAgent.Evidence.Bundle;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Publishing.Tests.Support;
using EdgeAgent.Web.Api;

namespace EdgeAgent.Publishing.Tests;

public sealed class EvidenceApiTests : IDisposable
{
    private readonly TestLedger _ledger = new();

    [Theory]
    [InlineData("/api/evidence/days?from=2026-03-01&to=2026-03-03")]
    [InlineData("/api/evidence/bundle?from=2026-03-01&to=2026-03-03")]
    [InlineData("/api/evidence/proof?day=2026-03-02")]
    public async Task RefusesRequestsWithoutAValidToken(string path)
    {
        await _ledger.AddDaysAsync(3);
        await using var host = await EvidenceApiHost.StartAsync(_ledger);

        using var none = await host.Client.GetAsync(path);
        using var wrong = await Send(host, path, "Bearer evidence-token-0123456780");
        using var prefix = await Send(host, path, "Bearer evidence-token-012345678");
        using var basic = await Send(host, path, "Basic evidence-token-0123456789");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer realm=\"edgeagent-evidence\"", none.Headers.WwwAuthenticate.ToString());
        foreach (var response in new[] { wrong, prefix, basic })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoConfiguredTokenMeansNobodyGetsIn()
    {
        _ledger.Config.Web.EvidenceTokens.Clear();
        await using var host = await EvidenceApiHost.StartAsync(_ledger);

        using var response = await Send(host, "/api/evidence/days?from=2026-03-01&to=2026-03-03", "Bearer ");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no tokens", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void TokenCheckAcceptsEveryConfiguredTokenAndNothingElse()
    {
        string[] tokens = ["evidence-token-0123456789", "second-token-abcdefghijkl"];

        Assert.True(BearerTokens.IsAuthorized("Bearer evidence-token-0123456789", tokens));
        Assert.True(BearerTokens.IsAuthorized("bearer second-token-abcdefghijkl", tokens));
        Assert.False(BearerTokens.IsAuthorized("Bearer evidence-token-0123456789x", tokens));
        Assert.False(BearerTokens.IsAuthorized("Bearer ", tokens));
        Assert.False(BearerTokens.IsAuthorized(null, tokens));
        Assert.False(BearerTokens.IsAuthorized("Bearer evidence-token-0123456789", []));
    }

    [Fact]
    public async Task DaysReturnsEverySignedRecordOfTheRangeWithCorrections()
    {
        var records = await _ledger.AddDaysAsync(3);
        var correction = await _ledger.AddCorrectionAsync(TestLedger.FirstDay.AddDays(1));
        await using var host = await EvidenceApiHost.StartAsync(_ledger);

        using var response = await Send(host, "/api/evidence/days?from=2026-03-02&to=2026-03-03", "Bearer second-token-abcdefghijkl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var list = body["records"]!.AsArray();
        Assert.Equal([2L, 4L, 3L], list.Select(r => (long)r!["seq"]!));
        Assert.Equal([records[1].Jws, correction.Jws, records[2].Jws], list.Select(r => (string)r!["jws"]!));
        Assert.Equal([false, true, true], list.Select(r => (bool)r!["inForce"]!));
        Assert.Equal(2L, (long)list[1]!["supersedesSeq"]!);
        Assert.Equal(4L, (long)body["treeHead"]!["size"]!);

        // The signature verifies with the ledger's key and signs exactly the record's canonical bytes.
        using var key = _ledger.Ledger.Keys.LoadCurrent();
        var verified = JwsVerifier.Verify((string)list[1]!["jws"]!, key.Key);
        Assert.True(verified.IsValid);
        Assert.Equal(correction.RecordJson, verified.Payload);
    }

    [Fact]
    public async Task ProofGivesInclusionAndConsistencyWithTheSignedTreeHead()
    {
        await _ledger.AddDaysAsync(2);
        await _ledger.AddDaysAsync(3);
        await using var host = await EvidenceApiHost.StartAsync(_ledger);

        using var response = await Send(host, "/api/evidence/proof?day=2026-03-02&oldSize=2", "Bearer evidence-token-0123456789");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var expected = _ledger.Ledger.GetProof(new DateOnly(2026, 3, 2)).ToJson();
        expected["consistency"] = _ledger.Ledger.GetConsistencyProof(2, 5).ToJson();
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString());
        Assert.Equal(5L, (long)body["treeHead"]!["size"]!);
        Assert.NotNull((string?)body["treeHead"]!["jws"]);
        Assert.Equal(2, body["consistency"]!["oldSize"]!.GetValue<long>());

        using var tooBig = await Send(host, "/api/evidence/proof?day=2026-03-02&size=9", "Bearer evidence-token-0123456789");
        using var badDay = await Send(host, "/api/evidence/proof?day=March", "Bearer evidence-token-0123456789");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
    }

    [Fact]
    public async Task BundleIsTheExportAndVerifies()
    {
        await _ledger.AddDaysAsync(3);
        await using var host = await EvidenceApiHost.StartAsync(_ledger);

        using var response = await Send(host, "/api/evidence/bundle?from=2026-03-01&to=2026-03-03", "Bearer evidence-token-0123456789");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("evidence-gw-p-2026-03-01-2026-03-03.zip", response.Content.Headers.ContentDisposition!.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.NotEmpty(zip.Entries);
        var verification = new BundleVerifier(null).Verify(new MemoryStream(bytes));
        Assert.True(verification.IsValid, string.Join("; ", verification.Problems));

        // The temporary file the bundle was built in is gone.
        Assert.DoesNotContain(Directory.GetFiles(_ledger.DataFolder), f => f.EndsWith(".zip.tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RangesAreChecked()
    {
        await using var host = await EvidenceApiHost.StartAsync(_ledger);

        using var reversed = await Send(host, "/api/evidence/days?from=2026-03-03&to=2026-03-01", "Bearer evidence-token-0123456789");
        using var missing = await Send(host, "/api/evidence/bundle?from=2026-03-03", "Bearer evidence-token-0123456789");

        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    public void Dispose() => _ledger.Dispose();

    private static Task<HttpResponseMessage> Send(EvidenceApiHost host, string path, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return host.Client.SendAsync(request);
    }
}
