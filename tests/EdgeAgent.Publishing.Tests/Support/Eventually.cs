namespace EdgeAgent.Publishing.Tests.Support;

/// <summary>Polls a condition until it holds or the time is up (background dispatchers finish when they finish).</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Condition not met within {timeout}: {describe()}");
            }

            await Task.Delay(50);
        }
    }
}
