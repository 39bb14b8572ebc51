namespace EdgeAgent.Simulator;

/// <summary>
/// Seeds and noise that depend only on names and time, never on the order or size of the steps the model is
/// advanced in: so the real-time demo and a simulated clock stepping in minutes see the same plant.
/// </summary>
internal static class Determinism
{
    /// <summary>FNV-1a of the text: <see cref="string.GetHashCode()"/> is randomised per process.</summary>
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A seed for one named random stream of the plant.</summary>
    public static int Seed(int seed, string name, string stream) =>
        (int)(Mix((ulong)(uint)seed ^ Hash(name) ^ (Hash(stream) << 1)) & 0x7FFF_FFFF);

    /// <summary>SplitMix64 finaliser: a well-spread 64-bit value for any input.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>A uniform value in [0, 1) for a key and an integer position.</summary>
    public static double Uniform(ulong key, long position) => (Mix(key ^ Mix((ulong)position)) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Smooth value noise in [-1, 1] over time: random knots every <paramref name="periodSeconds"/>, eased between.</summary>
    public static double Smooth(ulong key, double seconds, double periodSeconds)
    {
        var x = seconds / periodSeconds;
        var knot = Math.Floor(x);
        var f = x - knot;
        var ease = f * f * (3 - (2 * f));
        var a = Uniform(key, (long)knot);
        var b = Uniform(key, (long)knot + 1);
        return ((a + ((b - a) * ease)) * 2) - 1;
    }

    /// <summary>Exponentially distributed duration with the given mean, plus a floor.</summary>
    public static TimeSpan Exponential(Random random, double meanMinutes, double minimumMinutes = 0) =>
        TimeSpan.FromMinutes(minimumMinutes - (meanMinutes * Math.Log(1 - random.NextDouble())));

    /// <summary>Uniform value in [min, max).</summary>
    public static double Between(Random random, double min, double max) => min + ((max - min) * random.NextDouble());
}
