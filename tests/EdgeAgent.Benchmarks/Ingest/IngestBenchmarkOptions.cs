using System.Globalization;

namespace EdgeAgent.Benchmarks.Ingest;

/// <summary>Command line of the <c>ingest</c> verb.</summary>
public sealed class IngestBenchmarkOptions
{
    /// <summary>Modbus TCP ports on 127.0.0.1, one device each.</summary>
    public List<int> Ports { get; } = [];

    /// <summary>Holding registers mapped (and read) per device.</summary>
    public int Registers { get; set; } = 1000;

    /// <summary>Length of the measured window.</summary>
    public double Seconds { get; set; } = 30;

    /// <summary>Time after start before measuring: connects, first plans, JIT, SQLite tag rows.</summary>
    public double WarmupSeconds { get; set; } = 5;

    public int PollMs { get; set; } = 1000;

    /// <summary>Recorder heartbeat; 0 stores every sample even when the value does not change.</summary>
    public int HeartbeatSeconds { get; set; } = 300;

    /// <summary>Whether the hosts change their values on every read (only reported; the host decides).</summary>
    public bool ValuesChange { get; set; } = true;

    /// <summary>Keep the SQLite folder afterwards (its path is printed).</summary>
    public bool KeepData { get; set; }

    public static IngestBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new IngestBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--ports":
                    options.Ports.AddRange(Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)));
                    break;
                case "--registers":
                    options.Registers = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--seconds":
                    options.Seconds = double.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--warmup":
                    options.WarmupSeconds = double.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--poll-ms":
                    options.PollMs = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--heartbeat":
                    options.HeartbeatSeconds = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--static":
                    options.ValuesChange = false;
                    break;
                case "--keep-data":
                    options.KeepData = true;
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (options.Ports.Count == 0)
        {
            throw new ArgumentException("--ports p1,p2,... is required (one Modbus TCP device per port)");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.Registers, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Registers, 65536);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Seconds, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PollMs, 10);
        ArgumentOutOfRangeException.ThrowIfNegative(options.HeartbeatSeconds);
        return options;
    }
}
