namespace EdgeAgent.OpcUa.Security;

/// <summary>The keys of one channel token: what the client secures with, and what the server's chunks are checked with.</summary>
internal sealed record ChannelTokenKeys(uint TokenId, SymmetricKeys Client, SymmetricKeys Server) : IDisposable
{
    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }
}
