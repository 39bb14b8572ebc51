using System.Globalization;

namespace EdgeAgent.Benchmarks.OpcUa;

/// <summary>Command line of the <c>opcua</c> verb.</summary>
public sealed class OpcUaBenchmarkOptions
{
    /// <summary>opc.tcp:// URL of the server (the <c>opcua-server</c> verb).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Monitored items, <c>nsu=Namespace;i=1..Items</c>.</summary>
    public int Items { get; set; } = 10_000;

    public string NamespaceUri { get; set; } = OpcUaBenchServer.DefaultNamespaceUri;

    /// <summary>Length of the measured window.</summary>
    public double Seconds { get; set; } = 30;

    /// <summary>Time after the last item was created and the first full publish arrived, before measuring.</summary>
    public double WarmupSeconds { get; set; } = 5;

    /// <summary>Publishing and sampling interval.</summary>
    public int IntervalMs { get; set; } = 1000;

    /// <summary>How often the server changes every value (for the expected rate only; the server decides).</summary>
    public int ChangeMs { get; set; } = 1000;

    /// <summary>
    /// <c>client</c>: our <see cref="EdgeAgent.OpcUa.OpcUaClient"/> subscription, counting each decoded data change;
    /// <c>collector</c>: the agent's <see cref="Collection.OpcUa.OpcUaSourceCollector"/> turning them into samples.
    /// </summary>
    public string Path { get; set; } = "client";

    public static OpcUaBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new OpcUaBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--endpoint":
                    options.Endpoint = Next();
                    break;
                case "--items":
                    options.Items = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--namespace":
                    options.NamespaceUri = Next();
                    break;
                case "--seconds":
                    options.Seconds = double.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--warmup":
                    options.WarmupSeconds = double.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--interval-ms":
                    options.IntervalMs = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--change-ms":
                    options.ChangeMs = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--path":
                    options.Path = Next();
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (!options.Endpoint.StartsWith("opc.tcp://", StringComparison.Ordinal))
        {
            throw new ArgumentException("--endpoint opc.tcp://host:port is required");
        }

        if (options.Path is not ("client" or "collector"))
        {
            throw new ArgumentException("--path is client or collector");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.Items, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Seconds, 0);
        ArgumentOutOfRangeException.ThrowIfNegative(options.WarmupSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IntervalMs, 50);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChangeMs, 10);
        return options;
    }
}
