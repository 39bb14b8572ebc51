namespace EdgeAgent.Modbus.Planning;

/// <summary>
/// The reads that cover a device's items, from <see cref="ModbusPlanner.Plan"/>. Immutable; plan again when the items
/// change or when <see cref="ModbusPlanState.Version"/> moves past <see cref="StateVersion"/>.
/// </summary>
public sealed class ModbusPlan
{
    private IReadOnlyList<ModbusReadRequest>? _probes;

    internal ModbusPlan(
        IReadOnlyList<ModbusReadRequest> requests, IReadOnlyList<ModbusReadItem> excluded, IReadOnlyList<ModbusPlanError> errors, long stateVersion)
    {
        Requests = requests;
        Excluded = excluded;
        Errors = errors;
        StateVersion = stateVersion;
    }

    /// <summary>The requests to send every cycle, ordered by table then address. Each planned item is in exactly one.</summary>
    public IReadOnlyList<ModbusReadRequest> Requests { get; }

    /// <summary>
    /// Items left out because the device rejected reads of them (they cover a bad range the state knows).
    /// The collector marks them bad and retries them with <see cref="ProbeExcluded"/> now and then.
    /// </summary>
    public IReadOnlyList<ModbusReadItem> Excluded { get; }

    /// <summary>Items that can never be read as configured (zero length, outside the address space, too long).</summary>
    public IReadOnlyList<ModbusPlanError> Errors { get; }

    /// <summary>The <see cref="ModbusPlanState.Version"/> this plan was made from (0 without a state).</summary>
    public long StateVersion { get; }

    /// <summary>
    /// One request per excluded item (items with the same range share one), to retry every
    /// <see cref="ModbusPlanOptions.ProbeExcludedEveryCycles"/> cycles. Report each outcome to
    /// <see cref="ModbusPlanState.ReportProbe"/>; an accepted probe also carries the item's current value.
    /// </summary>
    public IReadOnlyList<ModbusReadRequest> ProbeExcluded() => _probes ??= BuildProbes(Excluded);

    /// <inheritdoc/>
    public override string ToString() => $"{Requests.Count} requests, {Excluded.Count} excluded, {Errors.Count} errors";

    private static ModbusReadRequest[] BuildProbes(IReadOnlyList<ModbusReadItem> excluded)
    {
        var ordered = new List<ModbusReadItem>(excluded);
        ordered.Sort(static (x, y) =>
            x.Table != y.Table ? x.Table.CompareTo(y.Table)
            : x.Start != y.Start ? x.Start.CompareTo(y.Start)
            : x.Count != y.Count ? x.Count.CompareTo(y.Count)
            : x.Index.CompareTo(y.Index));
        var probes = new List<ModbusReadRequest>();
        for (var i = 0; i < ordered.Count;)
        {
            var first = ordered[i];
            var slices = new List<ModbusItemSlice>();
            for (; i < ordered.Count && ordered[i].Table == first.Table && ordered[i].Start == first.Start && ordered[i].Count == first.Count; i++)
            {
                slices.Add(new ModbusItemSlice(ordered[i].Index, 0, first.Count));
            }

            probes.Add(new ModbusReadRequest(first.Table, first.Start, first.Count, slices));
        }

        return [.. probes];
    }
}
