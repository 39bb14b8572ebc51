namespace EdgeAgent.Modbus.Planning;

/// <summary>Limits the poll planner respects. The defaults suit devices that follow the specification.</summary>
public sealed class ModbusPlanOptions
{
    /// <summary>
    /// Most registers one holding/input register read may ask for: 1..125 (the protocol limit, the default).
    /// Some devices accept fewer; set their limit here.
    /// </summary>
    public int MaxRegistersPerRequest { get; set; } = ModbusLimits.MaxRegistersPerRead;

    /// <summary>Most bits one coil/discrete-input read may ask for: 1..2000 (the protocol limit, the default).</summary>
    public int MaxBitsPerRequest { get; set; } = ModbusLimits.MaxBitsPerRead;

    /// <summary>
    /// Largest run of unwanted registers one read may include to save a request; 0 merges only items that touch or overlap.
    /// </summary>
    /// <remarks>
    /// A request costs a network round trip, while an extra register costs two bytes, so bridging small holes pays.
    /// The default is moderate because some devices reject reads that touch unmapped addresses; the planner learns those
    /// (see <see cref="ModbusSplit"/>), but each lesson costs a failed read.
    /// </remarks>
    public int MaxRegisterGap { get; set; } = 16;

    /// <summary>Largest run of unwanted bits one coil/discrete-input read may include; 0 merges only touching items.</summary>
    /// <remarks>Sixteen bits cost as much as one register, hence the larger default.</remarks>
    public int MaxBitGap { get; set; } = 128;

    /// <summary>
    /// How often, in poll cycles, the collector should retry items excluded after the device rejected them
    /// (<see cref="ModbusPlan.ProbeExcluded"/>); see <see cref="IsProbeDue"/>.
    /// </summary>
    public int ProbeExcludedEveryCycles { get; set; } = 100;

    /// <summary>Request size limit for <paramref name="table"/>.</summary>
    public int MaxCount(ModbusTable table) => IsBitTable(table) ? MaxBitsPerRequest : MaxRegistersPerRequest;

    /// <summary>Gap limit for <paramref name="table"/>.</summary>
    public int MaxGap(ModbusTable table) => IsBitTable(table) ? MaxBitGap : MaxRegisterGap;

    /// <summary>True on the cycles (numbered from 0) on which excluded items should be probed: every <see cref="ProbeExcludedEveryCycles"/>-th, never the first.</summary>
    public bool IsProbeDue(long cycle) => cycle > 0 && cycle % ProbeExcludedEveryCycles == 0;

    /// <summary>Throws when a limit is outside its allowed range; the message names the option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public void Validate()
    {
        Check(MaxRegistersPerRequest, 1, ModbusLimits.MaxRegistersPerRead, nameof(MaxRegistersPerRequest));
        Check(MaxBitsPerRequest, 1, ModbusLimits.MaxBitsPerRead, nameof(MaxBitsPerRequest));
        Check(MaxRegisterGap, 0, ModbusLimits.AddressSpace, nameof(MaxRegisterGap));
        Check(MaxBitGap, 0, ModbusLimits.AddressSpace, nameof(MaxBitGap));
        Check(ProbeExcludedEveryCycles, 1, int.MaxValue, nameof(ProbeExcludedEveryCycles));
    }

    internal static bool IsBitTable(ModbusTable table) => table is ModbusTable.Coil or ModbusTable.DiscreteInput;

    private static void Check(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
        }
    }
}
