namespace EdgeAgent.Modbus.Planning;

/// <summary>
/// What the planner has learned about one device: address ranges it refuses to read (IllegalDataAddress).
/// Keep one per device for the life of the agent (a reconnect does not make a bad address good) and pass it to every
/// <see cref="ModbusPlanner.Plan"/>. Not thread-safe: it belongs to the device's poll loop.
/// </summary>
/// <remarks>
/// A bad range means "a read that covers all of these addresses is refused". That covers both causes seen in the
/// field: an unmapped address inside the range, and a block boundary inside it that reads may not cross. Either way
/// every read covering the range fails, so the planner never plans one, and an item covering a bad range is excluded.
/// </remarks>
public sealed class ModbusPlanState
{
    private readonly List<ModbusAddressRange> _badRanges = [];

    /// <summary>Grows whenever the known bad ranges change; plan again when it differs from <see cref="ModbusPlan.StateVersion"/>.</summary>
    public long Version { get; private set; }

    /// <summary>The known bad ranges, none containing another.</summary>
    public IReadOnlyList<ModbusAddressRange> BadRanges => _badRanges;

    /// <summary>Records that reads covering <paramref name="range"/> are refused. Returns true if that was news.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or outside 0..65535.</exception>
    public bool AddBadRange(ModbusAddressRange range)
    {
        if (range.Count < 1 || range.Start < 0 || range.End > ModbusLimits.AddressSpace)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, "A bad range must be non-empty and inside 0..65535.");
        }

        foreach (var known in _badRanges)
        {
            // A read covering `range` covers `known` too, and is already avoided.
            if (range.Contains(known))
            {
                return false;
            }
        }

        // Ranges containing the new one say less than it does.
        _badRanges.RemoveAll(known => known.Contains(range));
        _badRanges.Add(range);
        Version++;
        return true;
    }

    /// <summary>Takes in what a finished (or abandoned) split learned. Returns true if anything was news.</summary>
    public bool Learn(ModbusSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var changed = false;
        foreach (var range in split.BadRanges)
        {
            changed |= AddBadRange(range);
        }

        return changed;
    }

    /// <summary>
    /// Takes in the outcome of a probe from <see cref="ModbusPlan.ProbeExcluded"/> (or any read):
    /// accepted means none of the bad ranges inside it is bad any more (the device was reconfigured), so they are
    /// forgotten and the items come back into the plan; refused keeps or adds the range. Returns true if the state changed.
    /// </summary>
    public bool ReportProbe(ModbusReadRequest probe, bool accepted)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (!accepted)
        {
            return AddBadRange(probe.Range);
        }

        var range = probe.Range;
        if (_badRanges.RemoveAll(range.Contains) == 0)
        {
            return false;
        }

        Version++;
        return true;
    }

    /// <summary>Forgets everything learned, e.g. after the device's configuration or firmware changed.</summary>
    public void Clear()
    {
        if (_badRanges.Count > 0)
        {
            _badRanges.Clear();
            Version++;
        }
    }
}
