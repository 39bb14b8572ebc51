using System.Net.Sockets;
using EdgeAgent.Core.Configuration;
using EdgeAgent.OpcUa;
using EdgeAgent.OpcUa.Server;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Simulator.OpcUa;

/// <summary>
/// A simulated OPC UA device: an <see cref="OpcUaServer"/> on a free port of 127.0.0.1 whose address space holds
/// exactly the nodes the source's tags name — a tag with a node id (<c>nsu=URI;s=Name</c>) becomes that variable
/// under an object for its equipment; a tag with a browse path gets the objects along the path and the variable at its
/// end — with the plant model's values in the tag's type (raw = (value − offset) / scale).
/// </summary>
public sealed class SimulatedOpcUaDevice : ISimulatedDevice
{
    private readonly SourceConfig _source;
    private readonly ILogger _logger;
    private readonly List<(EquipmentConfig Equipment, TagConfig Tag, NodeId NodeId)> _variables = [];

    /// <summary>A device serving the tags of <paramref name="equipment"/> (fed by <paramref name="source"/>); not started yet.</summary>
    public SimulatedOpcUaDevice(SourceConfig source, IReadOnlyList<EquipmentConfig> equipment, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(equipment);
        ArgumentNullException.ThrowIfNull(loggers);
        _source = source;
        _logger = loggers.CreateLogger<SimulatedOpcUaDevice>();
        Server = new OpcUaServer(
            new OpcUaServerOptions
            {
                ResourcePath = ResourcePath(source.EndpointUrl),
                ApplicationUri = "urn:edgeagent:simulator:" + source.Id,
                ApplicationName = "EdgeAgent simulated " + source.Id,
            },
            loggers);
        foreach (var item in equipment)
        {
            foreach (var tag in item.Tags)
            {
                if (AddNode(item, tag) is { } nodeId)
                {
                    _variables.Add((item, tag, nodeId));
                }
            }
        }
    }

    /// <summary>The server (for tests that look at its address space or sessions).</summary>
    public OpcUaServer Server { get; }

    /// <inheritdoc/>
    public string SourceId => _source.Id;

    /// <inheritdoc/>
    public SimulatedEndpoint Endpoint => Server.Port != 0 ? new SimulatedEndpoint(Server.Options.Host, Server.Port, Server.EndpointUrl) : throw new InvalidOperationException("The device has not been started.");

    /// <inheritdoc/>
    public bool IsOnline => Server.IsRunning;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Server.Port != 0)
        {
            throw new InvalidOperationException("The device is already started.");
        }

        // Port 0: never the configured port, so several simulators and tests run side by side.
        await Server.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Publish(PlantModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (equipment, tag, nodeId) in _variables)
        {
            // Stamped with the plant's time, so a simulated history carries simulated source timestamps.
            Server.AddressSpace.SetValue(nodeId, ToVariant(tag, model.Read(equipment, tag)), StatusCodes.Good, model.Now);
        }
    }

    /// <inheritdoc/>
    public async Task<bool> SetOnlineAsync(bool online, CancellationToken cancellationToken)
    {
        if (online == IsOnline)
        {
            return true;
        }

        if (!online)
        {
            await Server.StopAsync().ConfigureAwait(false);
            SimulatorLog.DeviceOffline(_logger, SourceId, Server.Port);
            return true;
        }

        try
        {
            await Server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            SimulatorLog.DeviceRestartFailed(_logger, SourceId, Server.Port, ex);
            return false;
        }

        SimulatorLog.DeviceOnline(_logger, SourceId, Server.Port);
        return true;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Server.DisposeAsync();

    /// <summary>The value a tag's variable shows for <paramref name="reading"/>: raw units in the tag's type.</summary>
    internal static Variant ToVariant(TagConfig tag, TagReading reading)
    {
        if (tag.Type == TagType.String)
        {
            return Variant.From(reading.Text ?? string.Empty);
        }

        var raw = tag.Scale == 0 ? reading.Number : (reading.Number - tag.Offset) / tag.Scale;
        return tag.Type switch
        {
            TagType.Bool => Variant.From(raw != 0),
            TagType.Int16 => new Variant(BuiltInType.Int16, (short)Math.Clamp(Math.Round(raw), short.MinValue, short.MaxValue)),
            TagType.UInt16 => new Variant(BuiltInType.UInt16, (ushort)Math.Clamp(Math.Round(raw), ushort.MinValue, ushort.MaxValue)),
            TagType.Int32 => new Variant(BuiltInType.Int32, (int)Math.Clamp(Math.Round(raw), int.MinValue, int.MaxValue)),
            TagType.UInt32 => new Variant(BuiltInType.UInt32, (uint)Math.Clamp(Math.Round(raw), uint.MinValue, uint.MaxValue)),
            TagType.Int64 => new Variant(BuiltInType.Int64, (long)Math.Clamp(Math.Round(raw), long.MinValue, long.MaxValue)),
            TagType.UInt64 => new Variant(BuiltInType.UInt64, (ulong)Math.Clamp(Math.Round(raw), 0, ulong.MaxValue)),
            TagType.Float32 => new Variant(BuiltInType.Float, (float)raw),
            _ => Variant.From(raw),
        };
    }

    private NodeId? AddNode(EquipmentConfig equipment, TagConfig tag)
    {
        var space = Server.AddressSpace;
        var initial = ToVariant(tag, new TagReading(tag.Offset, tag.Type == TagType.String ? string.Empty : null));
        if (!string.IsNullOrWhiteSpace(tag.NodeId) && ExpandedNodeId.TryParse(tag.NodeId.Trim(), out var id) && id.NamespaceUri is { } uri)
        {
            var ns = space.RegisterNamespace(uri);
            var nodeId = Local(id.NodeId, ns);
            var parent = EnsureObject(WellKnownNodes.ObjectsFolder, new NodeId(equipment.Id, ns), new QualifiedName(ns, equipment.Id));
            if (!space.Contains(nodeId))
            {
                space.AddVariable(parent, nodeId, new QualifiedName(ns, tag.Name), initial);
            }

            return nodeId;
        }

        var path = ParseBrowsePath(tag.BrowsePath);
        if (path is null || path.Count == 0)
        {
            // Not addressable (the configuration check reports it): nothing to serve.
            return null;
        }

        var current = WellKnownNodes.ObjectsFolder;
        var names = new List<string>();
        for (var i = 0; i < path.Count; i++)
        {
            var (uri2, name) = path[i];
            var ns = uri2 is null ? (ushort)1 : space.RegisterNamespace(uri2);
            names.Add(name);
            var nodeId = new NodeId(string.Join('.', names), ns);
            var browseName = new QualifiedName(ns, name);
            if (i < path.Count - 1)
            {
                current = EnsureObject(current, nodeId, browseName);
            }
            else if (!space.Contains(nodeId))
            {
                space.AddVariable(current, nodeId, browseName, initial);
                current = nodeId;
            }
            else
            {
                current = nodeId;
            }
        }

        return current;
    }

    private NodeId EnsureObject(NodeId parent, NodeId nodeId, QualifiedName browseName)
    {
        if (!Server.AddressSpace.Contains(nodeId))
        {
            Server.AddressSpace.AddObject(parent, nodeId, browseName);
        }

        return nodeId;
    }

    private static NodeId Local(NodeId id, ushort ns) => id.IdType switch
    {
        IdType.Numeric => new NodeId(id.NumericId, ns),
        IdType.String => new NodeId((string)id.Identifier, ns),
        IdType.Guid => new NodeId((Guid)id.Identifier, ns),
        _ => new NodeId((byte[])id.Identifier, ns),
    };

    /// <summary>"/nsu=URI;Name/Name2" → (URI or null, Name) per element; a URI runs to the first ';' after "nsu=".</summary>
    private static List<(string? Uri, string Name)>? ParseBrowsePath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var elements = new List<(string?, string)>();
        var rest = path.Trim().TrimStart('/');
        while (rest.Length > 0)
        {
            string? uri = null;
            if (rest.StartsWith("nsu=", StringComparison.Ordinal))
            {
                var semi = rest.IndexOf(';', StringComparison.Ordinal);
                if (semi <= 4)
                {
                    return null;
                }

                uri = rest[4..semi];
                rest = rest[(semi + 1)..];
            }

            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var name = slash < 0 ? rest : rest[..slash];
            if (name.Length == 0)
            {
                return null;
            }

            elements.Add((uri, name));
            rest = slash < 0 ? string.Empty : rest[(slash + 1)..];
        }

        return elements;
    }

    private static string ResourcePath(string? endpointUrl) =>
        Uri.TryCreate(endpointUrl, UriKind.Absolute, out var uri) && uri.AbsolutePath.Length > 1 ? uri.AbsolutePath : string.Empty;
}
