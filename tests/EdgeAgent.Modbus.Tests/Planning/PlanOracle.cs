using EdgeAgent.Modbus.Planning;

namespace EdgeAgent.Modbus.Tests.Planning;

/// <summary>
/// An independent, deliberately naive statement of the planning problem: address-by-address validity of a read and
/// the optimum by exhaustive set-cover search over all candidate reads. Used to check the planner, never by it.
/// </summary>
internal static class PlanOracle
{
    public static bool IsWellFormed(ModbusReadItem item) =>
        Enum.IsDefined(item.Table) && item.Count >= 1 && item.Start >= 0 && item.Start + item.Count <= ModbusLimits.AddressSpace;

    public static bool CoversBadRange(int start, int end, ModbusTable table, IReadOnlyList<ModbusAddressRange> bad)
    {
        foreach (var range in bad)
        {
            if (range.Table == table && range.Start >= start && range.End <= end)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsPlannable(ModbusReadItem item, ModbusPlanOptions options, IReadOnlyList<ModbusAddressRange> bad) =>
        IsWellFormed(item) && item.Count <= options.MaxCount(item.Table) && !CoversBadRange(item.Start, item.End, item.Table, bad);

    /// <summary>The model's rules, checked address by address: size, bad ranges, and every unread hole at most the gap.</summary>
    public static bool IsValidRead(
        ModbusTable table, int start, int end, IReadOnlyList<ModbusReadItem> items, ModbusPlanOptions options, IReadOnlyList<ModbusAddressRange> bad)
    {
        if (end <= start || end - start > options.MaxCount(table) || CoversBadRange(start, end, table, bad))
        {
            return false;
        }

        var covered = new bool[end - start];
        foreach (var item in items)
        {
            if (item.Table == table && IsWellFormed(item) && item.Start >= start && item.End <= end)
            {
                for (var p = item.Start; p < item.End; p++)
                {
                    covered[p - start] = true;
                }
            }
        }

        var run = 0;
        foreach (var isCovered in covered)
        {
            run = isCovered ? 0 : run + 1;
            if (run > options.MaxGap(table))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The fewest valid reads covering every plannable item, by breadth-first search over covered-item sets.</summary>
    public static int OptimalCount(IReadOnlyList<ModbusReadItem> items, ModbusPlanOptions options, IReadOnlyList<ModbusAddressRange> bad)
    {
        var total = 0;
        foreach (var table in Enum.GetValues<ModbusTable>())
        {
            var plannable = items.Where(i => i.Table == table && IsPlannable(i, options, bad)).ToList();
            if (plannable.Count == 0)
            {
                continue;
            }

            if (plannable.Count > 16)
            {
                throw new InvalidOperationException("The exhaustive search is meant for small instances.");
            }

            // Candidate reads: any item start to any item end (a trimmed valid read has this shape).
            var candidates = new HashSet<int>();
            foreach (var first in plannable)
            {
                foreach (var last in plannable)
                {
                    if (!IsValidRead(table, first.Start, last.End, items, options, bad))
                    {
                        continue;
                    }

                    var mask = 0;
                    for (var k = 0; k < plannable.Count; k++)
                    {
                        if (plannable[k].Start >= first.Start && plannable[k].End <= last.End)
                        {
                            mask |= 1 << k;
                        }
                    }

                    candidates.Add(mask);
                }
            }

            var full = (1 << plannable.Count) - 1;
            var distance = new int[full + 1];
            Array.Fill(distance, -1);
            distance[0] = 0;
            var queue = new Queue<int>();
            queue.Enqueue(0);
            while (queue.Count > 0 && distance[full] < 0)
            {
                var mask = queue.Dequeue();
                foreach (var candidate in candidates)
                {
                    var next = mask | candidate;
                    if (distance[next] < 0)
                    {
                        distance[next] = distance[mask] + 1;
                        queue.Enqueue(next);
                    }
                }
            }

            if (distance[full] < 0)
            {
                throw new InvalidOperationException("Every plannable item fits a read of its own, so a cover must exist.");
            }

            total += distance[full];
        }

        return total;
    }

    /// <summary>
    /// Checks everything a plan promises except minimality: each item is in exactly one of requests/excluded/errors,
    /// slices point at the item's addresses, every request is a valid read. Returns null or the first violation.
    /// </summary>
    public static string? Violation(
        ModbusPlan plan, IReadOnlyList<ModbusReadItem> items, ModbusPlanOptions options, IReadOnlyList<ModbusAddressRange> bad)
    {
        var byIndex = items.ToDictionary(i => i.Index);
        var seen = new Dictionary<int, int>();
        foreach (var request in plan.Requests)
        {
            if (!IsValidRead(request.Table, request.Start, request.End, items, options, bad))
            {
                return $"invalid read {request}";
            }

            foreach (var slice in request.Slices)
            {
                var item = byIndex[slice.ItemIndex];
                if (item.Table != request.Table || request.Start + slice.Offset != item.Start || slice.Count != item.Count)
                {
                    return $"slice {slice} of {request} does not point at item {item}";
                }

                seen[slice.ItemIndex] = seen.GetValueOrDefault(slice.ItemIndex) + 1;
            }
        }

        foreach (var item in plan.Excluded)
        {
            if (!IsWellFormed(item) || !CoversBadRange(item.Start, item.End, item.Table, bad))
            {
                return $"item {item} excluded without covering a bad range";
            }

            seen[item.Index] = seen.GetValueOrDefault(item.Index) + 1;
        }

        foreach (var error in plan.Errors)
        {
            if (IsWellFormed(error.Item) && error.Item.Count <= options.MaxCount(error.Item.Table))
            {
                return $"item {error.Item} reported as error though it can be read";
            }

            seen[error.Item.Index] = seen.GetValueOrDefault(error.Item.Index) + 1;
        }

        foreach (var item in items)
        {
            if (seen.GetValueOrDefault(item.Index) != 1)
            {
                return $"item {item} appears {seen.GetValueOrDefault(item.Index)} times in the plan";
            }
        }

        return null;
    }
}
