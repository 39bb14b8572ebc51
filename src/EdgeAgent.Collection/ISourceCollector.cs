namespace EdgeAgent.Collection;

/// <summary>The collector of one source (one device or server, one connection), whatever its protocol.</summary>
public interface ISourceCollector : IAsyncDisposable
{
    /// <summary>Runs until cancelled: one cycle per poll interval.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
