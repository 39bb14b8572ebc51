using EdgeAgent.OpcUa.Pki;

// Not "…Tests.Security": that namespace would shadow EdgeAgent.OpcUa.Security for sibling test namespaces.
namespace EdgeAgent.OpcUa.Tests.SecurityTests;

/// <summary>A throw-away certificate store folder.</summary>
public sealed class TempPki : IDisposable
{
    public TempPki()
    {
        Root = Directory.CreateTempSubdirectory("edgeagent-client-pki-").FullName;
        Store = new CertificateStore(Root);
    }

    public string Root { get; }

    public CertificateStore Store { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
