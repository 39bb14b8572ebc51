namespace EdgeAgent.Modbus.Planning;

/// <summary>
/// Answers "what is the furthest a read starting at address a may reach without covering a known-bad range" in
/// O(log n): the bad ranges of one table sorted by start, with the smallest end over every suffix.
/// </summary>
internal sealed class BadRangeIndex
{
    private readonly int[] _starts;
    private readonly int[] _suffixMinEnd;

    public BadRangeIndex(IEnumerable<ModbusAddressRange> ranges, ModbusTable table)
    {
        var own = new List<ModbusAddressRange>();
        foreach (var range in ranges)
        {
            if (range.Table == table)
            {
                own.Add(range);
            }
        }

        own.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End.CompareTo(y.End));
        _starts = new int[own.Count];
        _suffixMinEnd = new int[own.Count];
        var min = int.MaxValue;
        for (var i = own.Count - 1; i >= 0; i--)
        {
            _starts[i] = own[i].Start;
            min = Math.Min(min, own[i].End);
            _suffixMinEnd[i] = min;
        }
    }

    /// <summary>
    /// The smallest end of a bad range starting at or after <paramref name="start"/> (<see cref="int.MaxValue"/> if none):
    /// a read <c>[start, end)</c> covers a bad range exactly when <c>end</c> is at least this.
    /// </summary>
    public int MinEndFrom(int start)
    {
        if (_starts.Length == 0)
        {
            return int.MaxValue;
        }

        var i = Array.BinarySearch(_starts, start);
        if (i < 0)
        {
            i = ~i;
        }
        else
        {
            // Equal starts may repeat; the first of them has the widest suffix.
            while (i > 0 && _starts[i - 1] == start)
            {
                i--;
            }
        }

        return i < _starts.Length ? _suffixMinEnd[i] : int.MaxValue;
    }
}
