namespace EdgeAgent.Publishing.Outbox;

/// <summary>
/// Wakes the dispatchers when the feeder has added rows, so a new record goes out at once instead of at the next poll.
/// A waiter takes <see cref="Next"/> before it looks at the table, so a pulse between the look and the wait is not lost.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Pulse"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Wakes every current waiter.</summary>
    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
