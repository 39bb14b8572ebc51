namespace EdgeAgent.Modbus.Planning;

/// <summary>
/// Turns a device's read items into the fewest read requests that cover them, per table, within the request size
/// and gap limits of <see cref="ModbusPlanOptions"/> and around the bad address ranges a <see cref="ModbusPlanState"/>
/// has learned. Pure and deterministic: no I/O, no clock, same input, same plan.
/// </summary>
/// <remarks>
/// <para>
/// An item longer than one request may read is reported in <see cref="ModbusPlan.Errors"/> and never read, for bit
/// tables too: an item is one value that is decoded as a whole, and two reads of its halves would be taken at different
/// instants (a torn value). No real tag comes near 125 registers or 2000 bits; such a line is a configuration mistake.
/// </para>
/// <para>
/// Cost: one sort (O(n log n)) and one sweep; the sweep looks at an item again only when an earlier request had to
/// leave it out because it ended past that request's size limit. 10,000 items plan in a few milliseconds.
/// </para>
/// </remarks>
public sealed class ModbusPlanner
{
    // Why the greedy sweep is optimal (exchange argument), for one table.
    //
    // Model. Items are address intervals [s, e). A read [a, b) is valid when
    //   (1) b - a <= max,
    //   (2) it covers no known-bad range entirely, and
    //   (3) every run of addresses in [a, b) not covered by the items lying wholly inside [a, b) is at most maxGap long.
    // A read can serve the items lying wholly inside it. A plan is a set of valid reads such that every plannable item
    // lies wholly inside one of them. Wanted: the fewest reads. (Items that are too long or that cover a bad range fit in
    // no valid read; they are reported, not planned.)
    //
    // (a) Trimming: shrinking a valid read to [least start, largest end) of the items inside it keeps it valid -- only
    //     leading and trailing runs vanish, and (1), (2) survive shrinking -- and it still serves the same items.
    //     So some optimal plan has only reads that start at an item start.
    // (b) For a fixed start a the set of items inside [a, b) only grows with b, so among the valid reads starting at a,
    //     the one with the largest valid end B(a) serves a superset of what any other serves. The sweep computes B(a):
    //     it walks the items by start, skipping those ending past L = min(a + max, (end of the first bad range that
    //     starts at or after a) - 1), which no read from a may include, and tracks the covered frontier c. The first
    //     item starting more than maxGap after c leaves a hole that no later item can fill (they start later still), so
    //     every end beyond c violates (3); and [a, c) itself is valid by construction.
    // (c) Exchange: let G1..Gk be the sweep's first k reads, and O an optimal plan containing them (k = 0: any optimal
    //     plan). Let u be the item not inside G1..Gk with the least start s (ties: least end, as the sweep orders them);
    //     some read R = [r, b) of O other than G1..Gk contains u, r <= s. Every plannable x starting before s (or at s ahead of
    //     u) lies inside some Gj = [aj, bj): aj <= x's start <= s and u is not inside Gj, so bj < u's end, hence x's part
    //     at or after s lies within u. Cut R to R' = [s, b'), b' = largest end of R's items starting at or after s: inside
    //     [s, b') the cut items covered nothing that u does not, so the uncovered runs of R' are runs of R and R' is valid,
    //     and R' contains every item of R not yet inside G1..Gk. R' starts at s, so by (b) G(k+1) = [s, B(s)) contains
    //     all of R''s items. Replacing R by G(k+1) leaves a plan of the same size containing G1..G(k+1). By induction the
    //     sweep's plan is optimal. (The code ends G(k+1) at the frontier reached by its last newly served item instead of
    //     at B(s); that drops only already-served items from its tail and keeps it valid, so the count is unchanged.)
    //
    // ModbusPlannerOptimalityTests checks this against an exhaustive set-cover search on random small instances.
    private readonly int _maxRegisters;
    private readonly int _maxBits;
    private readonly int _registerGap;
    private readonly int _bitGap;

    /// <summary>Creates a planner with the given limits (the protocol limits and default gaps when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is out of range.</exception>
    public ModbusPlanner(ModbusPlanOptions? options = null)
    {
        options ??= new ModbusPlanOptions();
        options.Validate();
        // Copied so that a later change to the options object cannot make two plans of one planner disagree.
        _maxRegisters = options.MaxRegistersPerRequest;
        _maxBits = options.MaxBitsPerRequest;
        _registerGap = options.MaxRegisterGap;
        _bitGap = options.MaxBitGap;
    }

    /// <summary>
    /// Plans the reads for <paramref name="items"/>: the fewest requests per table that respect the limits and avoid
    /// the bad ranges known to <paramref name="state"/>. Every item ends up in exactly one of
    /// <see cref="ModbusPlan.Requests"/> (as one slice), <see cref="ModbusPlan.Excluded"/> or <see cref="ModbusPlan.Errors"/>.
    /// </summary>
    public ModbusPlan Plan(IReadOnlyList<ModbusReadItem> items, ModbusPlanState? state = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var errors = new List<ModbusPlanError>();
        var excluded = new List<ModbusReadItem>();
        var indexes = new BadRangeIndex?[4];
        var hasBadRanges = state is not null && state.BadRanges.Count > 0;
        var entries = new Entry[items.Count];
        var n = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (Check(item) is { } error)
            {
                errors.Add(error);
                continue;
            }

            if (hasBadRanges)
            {
                var index = indexes[(int)item.Table] ??= new BadRangeIndex(state!.BadRanges, item.Table);
                if (index.MinEndFrom(item.Start) <= item.End)
                {
                    excluded.Add(item);
                    continue;
                }
            }

            entries[n++] = new Entry((int)item.Table, item.Start, item.End, item.Index, i);
        }

        Array.Sort(entries, 0, n, EntryComparer.Instance);
        var requests = new List<ModbusReadRequest>();
        var covered = new bool[n];
        var slices = new List<ModbusItemSlice>();
        for (var lo = 0; lo < n;)
        {
            var hi = lo;
            while (hi < n && entries[hi].Table == entries[lo].Table)
            {
                hi++;
            }

            var table = (ModbusTable)entries[lo].Table;
            var index = hasBadRanges ? indexes[(int)table] ??= new BadRangeIndex(state!.BadRanges, table) : null;
            PlanTable(table, entries, lo, hi, covered, index, slices, requests);
            lo = hi;
        }

        return new ModbusPlan(requests, excluded, errors, state?.Version ?? 0);
    }

    /// <summary>
    /// The least number of requests any plan for <paramref name="items"/> needs under this planner's limits, with no
    /// bad ranges known: the figure to compare requests sent per cycle against. The sweep is optimal (see the proof in
    /// the source), so this is the request count of a fresh plan.
    /// </summary>
    public int MinimumRequestCount(IReadOnlyList<ModbusReadItem> items) => Plan(items).Requests.Count;

    /// <summary>
    /// Starts narrowing down a request the device rejected with IllegalDataAddress: drive the returned
    /// <see cref="ModbusSplit"/> to completion, then hand it to <see cref="ModbusPlanState.Learn"/> and plan again.
    /// </summary>
    public static ModbusSplit Split(ModbusReadRequest rejected) => new(rejected);

    /// <summary>Why <paramref name="item"/> can never be read under these limits, or null if it can (also for config checks).</summary>
    public ModbusPlanError? Check(ModbusReadItem item)
    {
        if (!Enum.IsDefined(item.Table))
        {
            return new ModbusPlanError(item, ModbusPlanErrorKind.UnknownTable, $"Item {item.Index}: unknown table {(int)item.Table}.");
        }

        var unit = ModbusPlanOptions.IsBitTable(item.Table) ? "bits" : "registers";
        if (item.Count < 1)
        {
            return new ModbusPlanError(item, ModbusPlanErrorKind.CountNotPositive, $"Item {item.Index} ({item.Table} {item.Start}) asks for {item.Count} {unit}; at least 1 is needed.");
        }

        if (item.Start < 0 || (long)item.Start + item.Count > ModbusLimits.AddressSpace)
        {
            return new ModbusPlanError(item, ModbusPlanErrorKind.OutsideAddressSpace, $"Item {item.Index} ({item.Table} {item.Start}, {item.Count} {unit}) lies outside addresses 0..65535.");
        }

        var max = ModbusPlanOptions.IsBitTable(item.Table) ? _maxBits : _maxRegisters;
        if (item.Count > max)
        {
            return new ModbusPlanError(item, ModbusPlanErrorKind.LongerThanRequestLimit, $"Item {item.Index} ({item.Table} {item.Start}, {item.Count} {unit}) is longer than the {max} {unit} one request may read; split it into several items.");
        }

        return null;
    }

    private void PlanTable(
        ModbusTable table, Entry[] entries, int lo, int hi, bool[] covered, BadRangeIndex? badRanges,
        List<ModbusItemSlice> slices, List<ModbusReadRequest> requests)
    {
        var bits = ModbusPlanOptions.IsBitTable(table);
        var max = bits ? _maxBits : _maxRegisters;
        var gap = bits ? _bitGap : _registerGap;
        var next = lo;
        while (true)
        {
            while (next < hi && covered[next])
            {
                next++;
            }

            if (next == hi)
            {
                return;
            }

            var start = entries[next].Start;
            // No item of this request may end past `limit`: the size limit, and one short of the first bad range ahead.
            long limit = start + max;
            if (badRanges is not null)
            {
                limit = Math.Min(limit, badRanges.MinEndFrom(start) - 1L);
            }

            var frontier = start;
            var end = start;
            slices.Clear();
            for (var j = next; j < hi; j++)
            {
                ref readonly var x = ref entries[j];
                if (x.Start >= limit)
                {
                    break;
                }

                if (x.End > limit)
                {
                    // Too long for this request, but a later, shorter item may still fit; it waits for a request of its own.
                    continue;
                }

                if (x.Start - frontier > gap)
                {
                    break;
                }

                // Already-served items still count: their addresses are real data, not a hole.
                frontier = Math.Max(frontier, x.End);
                if (!covered[j])
                {
                    covered[j] = true;
                    slices.Add(new ModbusItemSlice(x.Index, x.Start - start, x.End - x.Start));
                    end = frontier;
                }
            }

            requests.Add(new ModbusReadRequest(table, start, end - start, slices.ToArray()));
        }
    }

    private readonly record struct Entry(int Table, int Start, int End, int Index, int Sequence);

    private sealed class EntryComparer : IComparer<Entry>
    {
        public static readonly EntryComparer Instance = new();

        public int Compare(Entry x, Entry y)
        {
            if (x.Table != y.Table)
            {
                return x.Table.CompareTo(y.Table);
            }

            if (x.Start != y.Start)
            {
                return x.Start.CompareTo(y.Start);
            }

            if (x.End != y.End)
            {
                return x.End.CompareTo(y.End);
            }

            // Ties by the caller's handle, so that the plan does not depend on the order items were listed in.
            return x.Index != y.Index ? x.Index.CompareTo(y.Index) : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
