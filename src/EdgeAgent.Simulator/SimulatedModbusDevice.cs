using System.Net.Sockets;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Modbus;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Simulator;

/// <summary>
/// A simulated Modbus TCP device: a <see cref="ModbusTcpServer"/> on a free port of 127.0.0.1 serving exactly the
/// addresses the source's tags occupy (any other address answers IllegalDataAddress, as a real device does), with the
/// tags' values encoded by type, scale/offset, byte and word order.
/// </summary>
public sealed class SimulatedModbusDevice : ISimulatedDevice
{
    private readonly SourceConfig _source;
    private readonly IReadOnlyList<EquipmentConfig> _equipment;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly byte _unitId;
    private readonly Dictionary<byte, long> _pastFunctionCodes = [];
    private readonly Lock _countsLock = new();
    private ModbusTcpServer? _server;
    private int _port;

    public SimulatedModbusDevice(SourceConfig source, IReadOnlyList<EquipmentConfig> equipment, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(equipment);
        ArgumentNullException.ThrowIfNull(loggers);
        _source = source;
        _equipment = equipment;
        _loggers = loggers;
        _logger = loggers.CreateLogger<SimulatedModbusDevice>();
        _unitId = (byte)source.UnitId;
        foreach (var tag in equipment.SelectMany(e => e.Tags))
        {
            Store.AddRange(_unitId, TagRegisters.Table(tag), (ushort)tag.Address, TagRegisters.Count(tag));
        }
    }

    /// <inheritdoc/>
    public string SourceId => _source.Id;

    /// <inheritdoc/>
    public SimulatedEndpoint Endpoint => _port != 0 ? new SimulatedEndpoint("127.0.0.1", _port) : throw new InvalidOperationException("The device has not been started.");

    /// <inheritdoc/>
    public bool IsOnline => Volatile.Read(ref _server) is not null;

    /// <summary>The registers and bits the device serves (for tests that look at them directly).</summary>
    public ModbusDataStore Store { get; } = new();

    /// <summary>Requests received per function code over the device's whole life, across outages.</summary>
    public IReadOnlyDictionary<byte, long> FunctionCodeCounts
    {
        get
        {
            lock (_countsLock)
            {
                var totals = new Dictionary<byte, long>(_pastFunctionCodes);
                if (_server is { } server)
                {
                    foreach (var (code, count) in server.FunctionCodeCounts)
                    {
                        totals[code] = totals.GetValueOrDefault(code) + count;
                    }
                }

                return totals;
            }
        }
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_port != 0)
        {
            throw new InvalidOperationException("The device is already started.");
        }

        // Port 0: never the configured port, so several simulators and tests run side by side.
        var server = NewServer(0);
        server.Start();
        _port = server.Port;
        Volatile.Write(ref _server, server);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Publish(PlantModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Span<ushort> registers = stackalloc ushort[125];
        foreach (var equipment in _equipment)
        {
            foreach (var tag in equipment.Tags)
            {
                var reading = model.Read(equipment, tag);
                var table = TagRegisters.Table(tag);
                if (TagRegisters.IsBit(tag))
                {
                    Store.SetBit(_unitId, table, (ushort)tag.Address, reading.Number != 0);
                    continue;
                }

                var count = TagRegisters.Count(tag);
                var span = registers[..count];
                span.Clear();
                TagRegisters.Encode(tag, reading, span);
                Store.SetRegisters(_unitId, table, (ushort)tag.Address, span);
            }
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
            var server = _server!;
            lock (_countsLock)
            {
                foreach (var (code, count) in server.FunctionCodeCounts)
                {
                    _pastFunctionCodes[code] = _pastFunctionCodes.GetValueOrDefault(code) + count;
                }

                _server = null;
            }

            await server.DisposeAsync().ConfigureAwait(false);
            SimulatorLog.DeviceOffline(_logger, SourceId, _port);
            return true;
        }

        var restarted = NewServer(_port);
        try
        {
            restarted.Start();
        }
        catch (SocketException ex)
        {
            await restarted.DisposeAsync().ConfigureAwait(false);
            SimulatorLog.DeviceRestartFailed(_logger, SourceId, _port, ex);
            return false;
        }

        Volatile.Write(ref _server, restarted);
        SimulatorLog.DeviceOnline(_logger, SourceId, _port);
        return true;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ModbusTcpServer NewServer(int port) =>
        new(Store, new ModbusTcpServerOptions { Port = port }, _loggers.CreateLogger<ModbusTcpServer>());
}
