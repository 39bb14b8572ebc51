using System.Globalization;
using EdgeAgent.Core.Indicators;

namespace EdgeAgent.Core.Configuration;

/// <summary>Validation of the indicators section.</summary>
public static partial class ConfigValidator
{
    /// <summary>
    /// Checks the indicators section and its references to the rest of the file (equipment ids, the site's industry
    /// code). <see cref="Validate"/> should call this overload; the section-only overload cannot see the inventory.
    /// </summary>
    internal static void ValidateIndicators(AgentConfig config, Action<string, string> error)
    {
        ValidateIndicators(config.Indicators, error);
        ValidateIndicatorReferences(config, error);
    }

    /// <summary>Every error of the indicators section, including references to equipment and the industry code.</summary>
    public static IReadOnlyList<ConfigError> ValidateIndicatorsSection(AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<ConfigError>();
        ValidateIndicators(config, (path, message) => errors.Add(new ConfigError(path, message)));
        return errors;
    }

    private static void ValidateIndicators(IndicatorsConfig indicators, Action<string, string> error)
    {
        Share(indicators.NetworkedDayAvailability, "$.indicators.networkedDayAvailability", error);
        Share(indicators.NetworkedWindowShare, "$.indicators.networkedWindowShare", error);
        ValidateHeadcount(indicators.Headcount, error);
        ValidateShifts(indicators.Shifts, error);
        ValidateIndicatorEquipment(indicators.Equipment, error);
        ValidateEnergy(indicators.Energy, error);
    }

    private static void ValidateHeadcount(List<HeadcountEntry> headcount, Action<string, string> error)
    {
        var dates = new HashSet<DateOnly>();
        for (var i = 0; i < headcount.Count; i++)
        {
            var path = $"$.indicators.headcount[{i}]";
            if (headcount[i].From == default)
            {
                error($"{path}.from", "is required: the first plant-local day (YYYY-MM-DD) this headcount applies to");
            }
            else if (!dates.Add(headcount[i].From))
            {
                error($"{path}.from", $"another entry already starts on {headcount[i].From:yyyy-MM-dd}");
            }

            if (headcount[i].DirectProductionWorkers < 0)
            {
                error($"{path}.directProductionWorkers", "must be 0 or more");
            }
        }
    }

    private static void ValidateShifts(ShiftCalendarConfig shifts, Action<string, string> error)
    {
        for (var i = 0; i < shifts.Shifts.Count; i++)
        {
            var shift = shifts.Shifts[i];
            var path = $"$.indicators.shifts.shifts[{i}]";
            var start = shift.Start.ToTimeSpan().TotalMinutes;
            var end = shift.End.ToTimeSpan().TotalMinutes;
            var minutes = end > start ? end - start : end - start + 1440;
            if (!double.IsFinite(shift.BreakMinutes) || shift.BreakMinutes < 0 || shift.BreakMinutes >= minutes)
            {
                error($"{path}.breakMinutes", string.Create(CultureInfo.InvariantCulture,
                    $"{shift.BreakMinutes} must be 0 or more and shorter than the shift ({minutes} minutes)"));
            }
        }

        for (var i = 0; i < shifts.WorkingDays.Count; i++)
        {
            if (!ShiftCalendar.TryParseWeekday(shifts.WorkingDays[i], out _))
            {
                error($"$.indicators.shifts.workingDays[{i}]", $"'{shifts.WorkingDays[i]}' is not a weekday name (monday … sunday)");
            }
        }

        var holidays = shifts.Holidays.ToHashSet();
        for (var i = 0; i < shifts.ExtraWorkingDays.Count; i++)
        {
            if (holidays.Contains(shifts.ExtraWorkingDays[i]))
            {
                error($"$.indicators.shifts.extraWorkingDays[{i}]", $"{shifts.ExtraWorkingDays[i]:yyyy-MM-dd} is also listed as a holiday");
            }
        }
    }

    private static void ValidateIndicatorEquipment(List<IndicatorsEquipmentConfig> equipment, Action<string, string> error)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < equipment.Count; i++)
        {
            var item = equipment[i];
            var path = $"$.indicators.equipment[{i}]";
            if (string.IsNullOrWhiteSpace(item.Equipment))
            {
                error($"{path}.equipment", "is required: the id of an equipment in $.equipment");
            }
            else if (!seen.Add(item.Equipment))
            {
                error($"{path}.equipment", $"'{item.Equipment}' is listed twice");
            }

            if (item.PlannedCycleSeconds is { } pri && !(pri > 0 && double.IsFinite(pri)))
            {
                error($"{path}.plannedCycleSeconds", "must be a positive number of seconds");
            }

            if (item.UnitPriceCny is { } price && !(price >= 0 && double.IsFinite(price)))
            {
                error($"{path}.unitPriceCny", "must be 0 or more");
            }
        }
    }

    private static void ValidateEnergy(EnergyConfig energy, Action<string, string> error)
    {
        var carriers = new HashSet<EnergyCarrier>();
        for (var i = 0; i < energy.Coefficients.Count; i++)
        {
            var item = energy.Coefficients[i];
            var path = $"$.indicators.energy.coefficients[{i}]";
            if (!carriers.Add(item.Carrier))
            {
                error($"{path}.carrier", "this carrier already has a coefficient");
            }

            if (!(item.KgcePerUnit > 0 && double.IsFinite(item.KgcePerUnit)))
            {
                error($"{path}.kgcePerUnit", "must be a positive number (kgce per kWh, m³ or t)");
            }

            if (string.IsNullOrWhiteSpace(item.Source))
            {
                error($"{path}.source", "is required: say where the coefficient comes from (e.g. GB/T 2589-2020 附录 A, or the supplier's calorific value)");
            }
        }

        carriers.Clear();
        for (var i = 0; i < energy.EmissionFactors.Count; i++)
        {
            var item = energy.EmissionFactors[i];
            var path = $"$.indicators.energy.emissionFactors[{i}]";
            if (!carriers.Add(item.Carrier))
            {
                error($"{path}.carrier", "this carrier already has an emission factor");
            }

            if (!(item.KgCo2PerUnit >= 0 && double.IsFinite(item.KgCo2PerUnit)))
            {
                error($"{path}.kgCo2PerUnit", "must be 0 or more (kg CO₂ per kWh, m³ or t)");
            }

            if (string.IsNullOrWhiteSpace(item.Source))
            {
                error($"{path}.source", "is required: say where the factor comes from (publication and year)");
            }
        }
    }

    private static void ValidateIndicatorReferences(AgentConfig config, Action<string, string> error)
    {
        var equipmentIds = config.Equipment.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var indicators = config.Indicators;
        for (var i = 0; i < indicators.Equipment.Count; i++)
        {
            var item = indicators.Equipment[i];
            if (!string.IsNullOrWhiteSpace(item.Equipment) && !equipmentIds.Contains(item.Equipment))
            {
                error($"$.indicators.equipment[{i}].equipment", $"unknown equipment '{item.Equipment}' (not in $.equipment)");
            }

            if (indicators.Output.Source == IndicatorsOutputSource.Counters && item.CountsOutput && item.UnitPriceCny is null)
            {
                error($"$.indicators.equipment[{i}].unitPriceCny", "is required for countsOutput equipment when $.indicators.output.source is counters (output value = good parts × unit price)");
            }
        }

        for (var i = 0; i < indicators.Energy.BoundaryEquipment.Count; i++)
        {
            if (!equipmentIds.Contains(indicators.Energy.BoundaryEquipment[i]))
            {
                error($"$.indicators.energy.boundaryEquipment[{i}]", $"unknown equipment '{indicators.Energy.BoundaryEquipment[i]}' (not in $.equipment)");
            }
        }

        // The shape is checked with the site; here the code must also exist (division 34 is in section C, not A).
        if (!string.IsNullOrWhiteSpace(config.Site.Industry) && IndustryCode().IsMatch(config.Site.Industry)
            && Thresholds.IndustryCode.TryParse(config.Site.Industry, out var problem) is null)
        {
            error("$.site.industry", $"'{config.Site.Industry}': {problem}");
        }
    }
}
