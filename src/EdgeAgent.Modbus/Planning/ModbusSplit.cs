namespace EdgeAgent.Modbus.Planning;

/// <summary>
/// Narrows down a coalesced request the device refused with IllegalDataAddress, by binary splitting, so that the
/// valid items are still read in this cycle and only the truly unreadable ones, or the unreadable holes between them,
/// are learned as bad. A pure state machine: the collector does the I/O.
/// </summary>
/// <remarks>
/// <para>Use:</para>
/// <code>
/// var split = ModbusPlanner.Split(rejected);
/// while (split.Current is { } probe)
/// {
///     // read probe.Table/Start/Count; on data: decode probe.Slices, then split.Report(accepted: true);
///     // on IllegalDataAddress: split.Report(accepted: false); on any other failure: stop driving it.
/// }
/// state.Learn(split);   // then plan again
/// </code>
/// <para>
/// Method: the items of a refused read are split in two halves (at a point where the halves do not overlap, nearest
/// the middle, if there is one) and each half is read. A refused half is split again; a refused single item is bad
/// (its own range is learned). When both halves are accepted, the cause lies between them -- an unmapped hole or a
/// block boundary -- and the range from the last address of the left half to the first address of the right one is
/// learned, so that no later read bridges it. Halves known to be refused (same range as their refused parent, or
/// covering a range learned earlier in this split) are not sent. A refused read of n items costs at most 2n - 2 probes,
/// about 2 log2 n for one bad spot.
/// </para>
/// <para>
/// Soundness rests on the device refusing a read exactly when it covers an unmapped address or crosses a block
/// boundary: then every range learned here is covered only by reads that would be refused too. A device that refuses
/// for another reason (e.g. a lower size limit than configured) still ends with a plan it accepts, perhaps with more
/// requests than needed; <see cref="ModbusPlanState.ReportProbe"/> undoes a wrong lesson when a probe succeeds.
/// </para>
/// </remarks>
public sealed class ModbusSplit
{
    private readonly ModbusTable _table;
    private readonly Unit[] _units;
    private readonly List<Frame> _stack = [];
    private readonly List<ModbusAddressRange> _badRanges = [];
    private readonly List<int> _badItems = [];
    private bool _trimPending;

    /// <summary>Starts splitting <paramref name="rejected"/>, a request the device refused with IllegalDataAddress.</summary>
    public ModbusSplit(ModbusReadRequest rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        Rejected = rejected;
        _table = rejected.Table;
        _units = BuildUnits(rejected);
        if (_units.Length == 0)
        {
            AddBad(rejected.Start, rejected.End);
            return;
        }

        var (start, end) = SpanOf(0, _units.Length);
        if (start == rejected.Start && end == rejected.End)
        {
            _stack.Add(NewFrame(0, _units.Length, start, end));
            Advance();
        }
        else
        {
            // The planner may read past its last item's end (an overlapping item served elsewhere reaches further).
            // Reading just the items first tells whether that tail is the trouble.
            _trimPending = true;
            Current = Request(0, _units.Length);
        }
    }

    /// <summary>The request the device refused.</summary>
    public ModbusReadRequest Rejected { get; }

    /// <summary>The next probe to send, or null when the split is complete.</summary>
    public ModbusReadRequest? Current { get; private set; }

    /// <summary>True when there is nothing more to probe.</summary>
    public bool IsComplete => Current is null;

    /// <summary>Number of outcomes reported so far.</summary>
    public int ProbeCount { get; private set; }

    /// <summary>Ranges learned as bad so far (sound even if the split was abandoned midway).</summary>
    public IReadOnlyList<ModbusAddressRange> BadRanges => _badRanges;

    /// <summary>Items (their <see cref="ModbusReadItem.Index"/>) whose own read was refused, so far.</summary>
    public IReadOnlyList<int> BadItems => _badItems;

    /// <summary>
    /// Reports the outcome of <see cref="Current"/>: accepted = the device answered with data (decode
    /// <see cref="Current"/>'s slices), refused = it answered IllegalDataAddress. Moves <see cref="Current"/> on.
    /// </summary>
    /// <exception cref="InvalidOperationException">The split is complete.</exception>
    public void Report(bool accepted)
    {
        if (Current is null)
        {
            throw new InvalidOperationException("The split is complete; there is no probe to report on.");
        }

        ProbeCount++;
        if (_trimPending)
        {
            _trimPending = false;
            var (start, end) = SpanOf(0, _units.Length);
            if (accepted)
            {
                // The items read fine together; only the tail beyond them, or the crossing into it, is refused.
                AddBad(end - 1, Rejected.End);
                Current = null;
                return;
            }

            _stack.Add(NewFrame(0, _units.Length, start, end));
            Advance();
            return;
        }

        var frame = _stack[^1];
        var (from, to) = frame.Child();
        if (frame.Phase == 0)
        {
            frame.LeftAccepted = accepted;
        }
        else
        {
            frame.RightAccepted = accepted;
        }

        frame.Phase++;
        if (!accepted)
        {
            var (start, end) = SpanOf(from, to);
            _stack.Add(NewFrame(from, to, start, end));
        }

        Advance();
    }

    private void Advance()
    {
        while (_stack.Count > 0)
        {
            var frame = _stack[^1];
            if (frame.To - frame.From == 1)
            {
                // A single item (or several with the same range) refused on its own: its range is bad.
                AddBad(frame.Start, frame.End);
                _badItems.AddRange(_units[frame.From].Items);
                _stack.RemoveAt(_stack.Count - 1);
                continue;
            }

            if (frame.Phase == 2)
            {
                if (frame.LeftAccepted && frame.RightAccepted)
                {
                    AddJunction(frame);
                }

                _stack.RemoveAt(_stack.Count - 1);
                continue;
            }

            var (from, to) = frame.Child();
            var (start, end) = SpanOf(from, to);
            if ((start == frame.Start && end == frame.End) || CoversBad(start, end))
            {
                // Known to be refused: the same read as the refused parent, or it covers what we just learned.
                frame.Phase++;
                _stack.Add(NewFrame(from, to, start, end));
                continue;
            }

            Current = Request(from, to);
            return;
        }

        Current = null;
    }

    private void AddJunction(Frame frame)
    {
        var (_, leftEnd) = SpanOf(frame.From, frame.Mid);
        var (rightStart, _) = SpanOf(frame.Mid, frame.To);
        if (leftEnd <= rightStart)
        {
            // From the left half's last address to the right half's first: any read bridging the halves covers it.
            AddBad(leftEnd - 1, rightStart + 1);
        }
        else
        {
            // Overlapping halves both fine but not together: not an address problem; avoid exactly this read.
            AddBad(frame.Start, frame.End);
        }
    }

    private void AddBad(int start, int end)
    {
        var range = new ModbusAddressRange(_table, start, end - start);
        if (!_badRanges.Contains(range))
        {
            _badRanges.Add(range);
        }
    }

    private bool CoversBad(int start, int end)
    {
        foreach (var range in _badRanges)
        {
            if (range.Start >= start && range.End <= end)
            {
                return true;
            }
        }

        return false;
    }

    private (int Start, int End) SpanOf(int from, int to)
    {
        var end = 0;
        for (var i = from; i < to; i++)
        {
            end = Math.Max(end, _units[i].End);
        }

        return (_units[from].Start, end);
    }

    private Frame NewFrame(int from, int to, int start, int end)
    {
        // Prefer a cut where the halves do not overlap, so that a junction range can be learned; nearest the middle.
        var middle = from + ((to - from) / 2);
        var best = -1;
        var reach = 0;
        for (var k = from + 1; k < to; k++)
        {
            reach = Math.Max(reach, _units[k - 1].End);
            if (reach <= _units[k].Start && (best < 0 || Math.Abs(k - middle) < Math.Abs(best - middle)))
            {
                best = k;
            }
        }

        return new Frame(from, to, best < 0 ? middle : best, start, end);
    }

    private ModbusReadRequest Request(int from, int to)
    {
        var (start, end) = SpanOf(from, to);
        var slices = new List<ModbusItemSlice>();
        for (var i = from; i < to; i++)
        {
            var unit = _units[i];
            foreach (var item in unit.Items)
            {
                slices.Add(new ModbusItemSlice(item, unit.Start - start, unit.End - unit.Start));
            }
        }

        return new ModbusReadRequest(_table, start, end - start, slices);
    }

    private static Unit[] BuildUnits(ModbusReadRequest request)
    {
        var slices = new List<ModbusItemSlice>(request.Slices);
        slices.Sort(static (x, y) =>
            x.Offset != y.Offset ? x.Offset.CompareTo(y.Offset)
            : x.Count != y.Count ? x.Count.CompareTo(y.Count)
            : x.ItemIndex.CompareTo(y.ItemIndex));
        var units = new List<Unit>();
        foreach (var slice in slices)
        {
            var start = request.Start + slice.Offset;
            if (units.Count > 0 && units[^1].Start == start && units[^1].End == start + slice.Count)
            {
                units[^1].Items.Add(slice.ItemIndex);
            }
            else
            {
                units.Add(new Unit(start, start + slice.Count, [slice.ItemIndex]));
            }
        }

        return [.. units];
    }

    /// <summary>Items with one and the same range: they stand or fall together.</summary>
    private sealed record Unit(int Start, int End, List<int> Items);

    /// <summary>A refused read of units [From, To), split at Mid; Phase 0/1 = left/right half pending, 2 = both known.</summary>
    private sealed class Frame(int from, int to, int mid, int start, int end)
    {
        public int From { get; } = from;

        public int To { get; } = to;

        public int Mid { get; } = mid;

        public int Start { get; } = start;

        public int End { get; } = end;

        public int Phase { get; set; }

        public bool LeftAccepted { get; set; }

        public bool RightAccepted { get; set; }

        public (int From, int To) Child() => Phase == 0 ? (From, Mid) : (Mid, To);
    }
}
