using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using EdgeAgent.OpcUa;
using EdgeAgent.OpcUa.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace EdgeAgent.Benchmarks.OpcUa;

/// <summary>
/// The <c>opcua-server</c> verb: our <see cref="OpcUaServer"/> in a process of its own (so its CPU is not charged to
/// the client measured), serving N Double variables <c>nsu=URI;i=1..N</c> in a folder Objects/Bench. Every
/// <c>--change-ms</c> (1 s) every variable gets a new value, so every sample a client takes is a value change. Prints
/// <c>READY opc.tcp://...</c> on stdout once listening (<c>--max-notifications</c> sets the server's
/// MaxNotificationsPerPublish, 0 = only the client's limit), runs until SIGTERM or SIGINT, then prints on stderr how many
/// values it set and how long the updates took.
/// </summary>
public static class OpcUaBenchServer
{
    public const string DefaultNamespaceUri = "urn:edgeagent:bench:opcua";

    public static async Task<int> RunAsync(string[] args)
    {
        var items = 100_000;
        var port = 0;
        var changeMs = 1000;
        var namespaceUri = DefaultNamespaceUri;
        var maxNotifications = new OpcUaServerOptions().MaxNotificationsPerPublish;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--items":
                        items = int.Parse(Next(), CultureInfo.InvariantCulture);
                        break;
                    case "--port":
                        port = int.Parse(Next(), CultureInfo.InvariantCulture);
                        break;
                    case "--change-ms":
                        changeMs = int.Parse(Next(), CultureInfo.InvariantCulture);
                        break;
                    case "--namespace":
                        namespaceUri = Next();
                        break;
                    case "--max-notifications":
                        maxNotifications = uint.Parse(Next(), CultureInfo.InvariantCulture);
                        break;
                    default:
                        throw new ArgumentException($"unknown option {args[i]}");
                }
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(changeMs, 10);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync("opcua-server: " + ex.Message);
            return 2;
        }

        using var loggers = LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Warning);
            builder.AddSimpleConsole(o => o.SingleLine = true);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });

        await using var server = new OpcUaServer(
            new OpcUaServerOptions { Port = port, ApplicationUri = "urn:edgeagent:bench:opcua-server", ApplicationName = "EdgeAgent benchmark server", MaxNotificationsPerPublish = maxNotifications },
            loggers);
        var ns = server.AddressSpace.RegisterNamespace(namespaceUri);
        var folder = server.AddressSpace.AddFolder(WellKnownNodes.ObjectsFolder, new NodeId("Bench", ns), new QualifiedName(ns, "Bench"));
        var nodes = new NodeId[items];
        for (var i = 0; i < items; i++)
        {
            nodes[i] = new NodeId((uint)(i + 1), ns);
            server.AddressSpace.AddVariable(folder, nodes[i], new QualifiedName(ns, string.Create(CultureInfo.InvariantCulture, $"v{i + 1}")), Variant.From(0.0));
        }

        await server.StartAsync();
        Console.WriteLine("READY " + server.EndpointUrl);
        await Console.Out.FlushAsync();

        using var stop = new CancellationTokenSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });

        // One update round per tick: every variable gets tick + its index / N, a new Double each time.
        var values = new Variant[items];
        long rounds = 0;
        var updating = TimeSpan.Zero;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(changeMs));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                rounds++;
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < items; i++)
                {
                    values[i] = Variant.From(rounds + (i / (double)items));
                }

                server.AddressSpace.SetValues(nodes, values);
                updating += Stopwatch.GetElapsedTime(started);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await server.StopAsync();
        await Console.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"SERVED {rounds} rounds x {items} values, {updating.TotalMilliseconds / Math.Max(rounds, 1):F1} ms per round to set them"));
        return 0;
    }
}
