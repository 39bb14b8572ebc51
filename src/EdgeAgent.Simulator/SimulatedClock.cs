namespace EdgeAgent.Simulator;

/// <summary>
/// A clock that only moves when told to, for running the agent's pipeline on simulated time as fast as the machine
/// allows. Timers (PeriodicTimer, Polly's backoff delays, Task.Delay with this provider) fire when
/// <see cref="AdvanceTo"/> passes their due time.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ClockTimer> _timers = [];
    private DateTimeOffset _now;

    public SimulatedClock(DateTimeOffset start)
    {
        _now = start;
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward and fires every timer that falls due, in due-time order.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        while (true)
        {
            ClockTimer? due;
            lock (_lock)
            {
                if (time < _now)
                {
                    throw new ArgumentOutOfRangeException(nameof(time), "the simulated clock does not go backwards");
                }

                due = _timers.Where(t => t.Due is { } d && d <= time).MinBy(t => t.Due);
                if (due is null)
                {
                    _now = time;
                    return;
                }

                _now = due.Due!.Value > _now ? due.Due.Value : _now;
                due.Due = due.Period > TimeSpan.Zero ? _now + due.Period : null;
            }

            due.Fire();
        }
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ClockTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    private void Remove(ClockTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ClockTimer(SimulatedClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._lock)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            clock.Remove(this);
            return ValueTask.CompletedTask;
        }
    }
}
