using EdgeAgent.OpcUa.Pki;
using EdgeAgent.OpcUa.Security;

// Not "…Tests.Security": that namespace would shadow EdgeAgent.OpcUa.Security for sibling test namespaces.
namespace EdgeAgent.OpcUa.Tests.SecurityTests;

/// <summary>Both directions of certificate trust against node-opcua: its certificate in our store, ours in its.</summary>
[Collection(OpcUaServerCollection.Name)]
public sealed class CertificateTrustTests(OpcUaServerFixture fixture) : IDisposable
{
    private static readonly ExpandedNodeId Counter = ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Counter");
    private readonly TempPki _pki = new();

    private OpcUaClientOptions Secured(string endpointUrl, bool trustOnFirstUse = false) => fixture.Options() with
    {
        EndpointUrl = endpointUrl,
        SecurityPolicyUri = SecurityPolicyUris.Basic256Sha256,
        SecurityMode = MessageSecurityMode.SignAndEncrypt,
        CertificateStore = _pki.Store,
        TrustOnFirstUse = trustOnFirstUse,
    };

    [Fact]
    public async Task UnknownServerCertificateIsRejectedUntilTrusted()
    {
        var ex = await Assert.ThrowsAsync<OpcUaException>(() => OpcUaClient.ConnectAsync(Secured(fixture.EndpointUrl)));

        Assert.Equal(StatusCodes.BadCertificateUntrusted, ex.StatusCode.Code);
        var rejected = Assert.Single(_pki.Store.List(CertificateLocation.Rejected));
        Assert.Equal("urn:edgeagent:test-server", rejected.ApplicationUri);
        Assert.Matches("^[0-9A-F]{40}$", rejected.Thumbprint);
        Assert.Contains($"edgeagent opcua trust {rejected.Thumbprint}", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_pki.Store.List(CertificateLocation.Trusted));

        // Rejected once means rejected again, even with trust on first use: the first use is over.
        var again = await Assert.ThrowsAsync<OpcUaException>(() => OpcUaClient.ConnectAsync(Secured(fixture.EndpointUrl, trustOnFirstUse: true)));
        Assert.Equal(StatusCodes.BadCertificateUntrusted, again.StatusCode.Code);

        var trusted = _pki.Store.Trust(rejected.Thumbprint.ToLowerInvariant());

        Assert.Equal(CertificateLocation.Trusted, trusted.Location);
        Assert.Empty(_pki.Store.List(CertificateLocation.Rejected));
        Assert.True(File.Exists(trusted.Path));
        await using var client = await OpcUaClient.ConnectAsync(Secured(fixture.EndpointUrl));
        Assert.True((await client.ReadValueAsync(client.ResolveNodeId(Counter))).Status.IsGood);
    }

    [Fact]
    public async Task TrustOnFirstUseCopiesTheServerCertificateToTrusted()
    {
        await using (var client = await OpcUaClient.ConnectAsync(Secured(fixture.EndpointUrl, trustOnFirstUse: true)))
        {
            Assert.True(client.IsConnected);
        }

        var trusted = Assert.Single(_pki.Store.List(CertificateLocation.Trusted));
        Assert.Equal("urn:edgeagent:test-server", trusted.ApplicationUri);
        Assert.Empty(_pki.Store.List(CertificateLocation.Rejected));

        // Now trusted, no first-use allowance is needed any more.
        await using var second = await OpcUaClient.ConnectAsync(Secured(fixture.EndpointUrl));
        Assert.True(second.IsConnected);
    }

    [Fact]
    public async Task ServerRejectsOurCertificateUntilItIsTrustedThere()
    {
        await using var server = await NodeOpcUaServer.StartAsync(new Dictionary<string, string> { ["OPCUA_TRUST_CLIENTS"] = "0" });
        var options = Secured(server.EndpointUrl, trustOnFirstUse: true);

        var ex = await Assert.ThrowsAnyAsync<OpcUaException>(() => OpcUaClient.ConnectAsync(options));
        Assert.Equal(StatusCodes.BadSecurityChecksFailed, ex.StatusCode.Code);
        Assert.Contains("trust", ex.Message, StringComparison.Ordinal);

        // node-opcua put our certificate in its rejected folder; trusting it there is moving it to trusted/certs.
        var own = Assert.Single(_pki.Store.List(CertificateLocation.Own));
        var serverRejected = Path.Combine(server.PkiDirectory, "server", "rejected");
        Assert.NotEmpty(Directory.GetFiles(serverRejected));
        var serverTrusted = Path.Combine(server.PkiDirectory, "server", "trusted", "certs");
        Directory.CreateDirectory(serverTrusted);
        foreach (var file in Directory.GetFiles(serverRejected))
        {
            File.Delete(file);
        }

        File.Copy(own.Path, Path.Combine(serverTrusted, Path.GetFileName(own.Path)));

        // node-opcua notices the change through a file watcher: retry for a little while.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                await using var client = await OpcUaClient.ConnectAsync(options);
                Assert.True((await client.ReadValueAsync(client.ResolveNodeId(Counter))).Status.IsGood);
                return;
            }
            catch (OpcUaException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }

    public void Dispose() => _pki.Dispose();
}
