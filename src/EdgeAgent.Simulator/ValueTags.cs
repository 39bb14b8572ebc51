using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Simulator;

/// <summary>
/// Plausible values for plain value tags, bools and strings, from the tag's unit and name and the machine's state.
/// Values wander smoothly as a function of time only (see <see cref="Determinism.Smooth"/>).
/// </summary>
internal static class ValueTags
{
    public static ValueKind Classify(TagConfig tag)
    {
        var unit = (tag.Unit ?? "").Trim().ToUpperInvariant();
        var byUnit = unit switch
        {
            "RPM" or "R/MIN" or "1/MIN" => ValueKind.Speed,
            "KG" or "T" => ValueKind.Payload,
            "KW" or "W" or "MW" => ValueKind.Power,
            "V" or "KV" => ValueKind.Voltage,
            "A" => ValueKind.Current,
            "°C" or "C" or "DEGC" or "℃" => ValueKind.Temperature,
            "BAR" or "MPA" or "KPA" or "PA" or "PSI" => ValueKind.Pressure,
            "HZ" => ValueKind.Frequency,
            "%" => ValueKind.Percent,
            _ => ValueKind.Generic,
        };
        if (byUnit != ValueKind.Generic)
        {
            return byUnit;
        }

        var name = tag.Name.ToUpperInvariant();
        return name switch
        {
            _ when Has(name, "SPEED", "RPM", "SPINDLE") => ValueKind.Speed,
            _ when Has(name, "PAYLOAD", "WEIGHT", "KG") => ValueKind.Payload,
            _ when Has(name, "POWER", "KW") => ValueKind.Power,
            _ when Has(name, "VOLT") => ValueKind.Voltage,
            _ when Has(name, "CURRENT", "AMP") => ValueKind.Current,
            _ when Has(name, "TEMP") => ValueKind.Temperature,
            _ when Has(name, "PRESS") => ValueKind.Pressure,
            _ when Has(name, "FREQ", "HZ") => ValueKind.Frequency,
            _ when Has(name, "LOAD", "FEED", "OVERRIDE", "PERCENT", "RATE") => ValueKind.Percent,
            _ => ValueKind.Generic,
        };
    }

    /// <summary>A machine's value tag, in the tag's unit.</summary>
    public static double MachineValue(TagConfig tag, TagFacts facts, SimulatedMachine machine, double seconds)
    {
        var noise = Noise(facts.NoiseKey, seconds);
        var running = machine.State == MachineState.Run;
        return facts.Kind switch
        {
            ValueKind.Speed => running ? machine.SpindleRpm * (1 + (0.012 * noise)) : 0,
            ValueKind.Payload => running ? machine.PayloadKg * (1 + (0.04 * noise)) * UnitFactor(tag, "T", 0.001) : 0,
            ValueKind.Power => PowerIn(tag, machine.PowerKw * (1 + (0.03 * noise))),
            ValueKind.Voltage => Voltage(tag, noise),
            ValueKind.Current => machine.PowerKw * 1000 / (3 * 230 * 0.9) * (1 + (0.03 * noise)),
            ValueKind.Temperature => machine.State switch
            {
                MachineState.Run => 38,
                MachineState.Idle => 31,
                MachineState.Down => 29,
                _ => 22,
            } + (1.5 * noise),
            ValueKind.Pressure => Pressure(tag, noise),
            ValueKind.Frequency => 50 + (0.05 * noise),
            ValueKind.Percent => running ? 75 + (15 * noise) : 0,
            _ => running ? 50 + (10 * noise) : 0,
        };
    }

    /// <summary>A meter's value tag, in the tag's unit; <paramref name="powerKw"/> is what the meter measures now.</summary>
    public static double MeterValue(TagConfig tag, TagFacts facts, double powerKw, double seconds)
    {
        var noise = Noise(facts.NoiseKey, seconds);
        return facts.Kind switch
        {
            ValueKind.Power or ValueKind.Generic => PowerIn(tag, powerKw * (1 + (0.01 * noise))),
            ValueKind.Voltage => Voltage(tag, noise),
            ValueKind.Current => powerKw * 1000 / (3 * 230 * 0.92) * (1 + (0.01 * noise)),
            ValueKind.Frequency => 50 + (0.05 * noise),
            ValueKind.Temperature => 28 + (2 * noise),
            ValueKind.Pressure => Pressure(tag, noise),
            ValueKind.Percent => 92 + (3 * noise),
            _ => powerKw,
        };
    }

    /// <summary>A bool tag: alarms follow breakdowns, "on"-like flags follow power, anything else means running.</summary>
    public static BoolMeaning ClassifyBool(TagConfig tag)
    {
        var name = tag.Name.ToUpperInvariant();
        return name switch
        {
            _ when Has(name, "ALARM", "FAULT", "ERROR", "ALM", "DOWN") => BoolMeaning.Alarm,
            _ when Has(name, "SERVO", "POWER", "ENABLE", "READY", "ON") => BoolMeaning.Powered,
            _ => BoolMeaning.Running,
        };
    }

    public static bool Bool(BoolMeaning meaning, MachineState state) => meaning switch
    {
        BoolMeaning.Alarm => state == MachineState.Down,
        BoolMeaning.Powered => state != MachineState.Off,
        _ => state == MachineState.Run,
    };

    private static double Noise(ulong key, double seconds) =>
        (0.7 * Determinism.Smooth(key, seconds, 20)) + (0.3 * Determinism.Smooth(key >> 1, seconds, 3));

    private static double Voltage(TagConfig tag, double noise)
    {
        var volts = 230 * (1 + (0.012 * noise));
        return string.Equals(tag.Unit, "kV", StringComparison.OrdinalIgnoreCase) ? volts / 1000 : volts;
    }

    private static double Pressure(TagConfig tag, double noise)
    {
        var bar = 6 + (0.2 * noise);
        return (tag.Unit ?? "").ToUpperInvariant() switch
        {
            "MPA" => bar / 10,
            "KPA" => bar * 100,
            "PA" => bar * 100_000,
            "PSI" => bar * 14.5038,
            _ => bar,
        };
    }

    private static double PowerIn(TagConfig tag, double kw) => (tag.Unit ?? "").ToUpperInvariant() switch
    {
        "W" => kw * 1000,
        "MW" => kw / 1000,
        _ => kw,
    };

    private static double UnitFactor(TagConfig tag, string unit, double factor) =>
        string.Equals(tag.Unit, unit, StringComparison.OrdinalIgnoreCase) ? factor : 1;

    private static bool Has(string name, params ReadOnlySpan<string> parts)
    {
        foreach (var part in parts)
        {
            if (name.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
