using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Core.Rollups;

/// <summary>
/// The rule that turns two consecutive good readings of a cumulative counter into a non-negative delta. Readings are
/// scaled values (raw × scale + offset); the raw range comes from the tag type.
/// <list type="number">
/// <item>Forward (or equal): the difference.</item>
/// <item>Float counters only: a step back of at most one millionth of the reading is read jitter: delta 0, and the
/// higher reading stays the baseline so the jitter is never counted twice.</item>
/// <item>Integer counters: a step from the top quarter of the raw range to the bottom quarter is a wrap-around:
/// delta = (new raw + range − previous raw) × scale (e.g. uint16 65530 → 4 adds 10).</item>
/// <item>Any other step back is a reset or a meter replacement. When the new reading (less the offset) is below half
/// of the previous one the counter restarted from zero and the new reading is counted (1000 → 3 adds 3). Otherwise the
/// new reading cannot have accrued since a restart (a replacement meter installed with its own reading, 52000 →
/// 48000): what happened in between is unknowable and the delta is 0. Either way the next delta is taken from the new
/// reading.</item>
/// </list>
/// Wraps, resets and replacements are counted in <see cref="EquipmentRollup.CounterResets"/>.
/// </summary>
public static class CounterDelta
{
    /// <summary>Relative size of a backward step that float counters treat as read jitter.</summary>
    public const double FloatJitter = 1e-6;

    /// <summary>Delta from <paramref name="previous"/> to <paramref name="next"/> for a counter tag.</summary>
    public static CounterStep Step(TagConfig tag, double previous, double next)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var difference = next - previous;
        if (difference >= 0)
        {
            return new CounterStep(difference, false, false);
        }

        if (tag.Type is TagType.Float32 or TagType.Float64 && -difference <= FloatJitter * Math.Abs(previous))
        {
            return new CounterStep(0, false, true);
        }

        var scale = tag.Scale == 0 ? 1 : tag.Scale;
        if (RawRange(tag.Type) is var (min, span) && span > 0)
        {
            var rawPrevious = Math.Round((previous - tag.Offset) / scale);
            var rawNext = Math.Round((next - tag.Offset) / scale);
            // Only readings the register can actually hold can wrap; anything else is a reset or a replacement.
            if (rawPrevious >= min + (0.75 * span) && rawPrevious < min + span && rawNext >= min && rawNext < min + (0.25 * span))
            {
                return new CounterStep((rawNext + span - rawPrevious) * Math.Abs(scale), true, false);
            }
        }

        var fromZeroPrevious = previous - tag.Offset;
        var fromZeroNext = next - tag.Offset;
        var restarted = fromZeroNext >= 0 && fromZeroNext < fromZeroPrevious / 2;
        return new CounterStep(restarted ? fromZeroNext : 0, true, false);
    }

    /// <summary>Lowest raw value and size of the raw range of an integer type; (0, 0) when it does not wrap.</summary>
    public static (double Min, double Span) RawRange(TagType type) => type switch
    {
        TagType.UInt16 => (0, 65536d),
        TagType.Int16 => (-32768d, 65536d),
        TagType.UInt32 => (0, 4294967296d),
        TagType.Int32 => (-2147483648d, 4294967296d),
        TagType.UInt64 => (0, 18446744073709551616d),
        TagType.Int64 => (-9223372036854775808d, 18446744073709551616d),
        _ => (0, 0),
    };
}
