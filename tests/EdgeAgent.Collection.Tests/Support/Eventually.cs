namespace EdgeAgent.Collection.Tests.Support;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time (fast when things go well, patient on a busy machine).</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {timeout.TotalSeconds:F0} s: {what}");
            }

            await Task.Delay(20);
        }
    }
}
