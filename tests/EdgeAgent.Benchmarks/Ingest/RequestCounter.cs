namespace EdgeAgent.Benchmarks.Ingest;

/// <summary>What all devices' clients sent, counted where the requests leave the collector.</summary>
public sealed class RequestCounter
{
    private long _requests;
    private long _registers;
    private long _failures;

    public long Requests => Interlocked.Read(ref _requests);
    public long Registers => Interlocked.Read(ref _registers);
    public long Failures => Interlocked.Read(ref _failures);

    public void Completed(int registers)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _registers, registers);
    }

    public void Failed() => Interlocked.Increment(ref _failures);
}
