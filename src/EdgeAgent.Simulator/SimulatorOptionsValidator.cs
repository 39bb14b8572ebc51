using Microsoft.Extensions.Options;

namespace EdgeAgent.Simulator;

/// <summary>Checks <see cref="SimulatorOptions"/> at start; each error names the option.</summary>
public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.UpdateInterval <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(SimulatorOptions.UpdateInterval)} must be positive");
        }

        if (options.FlakyInterval < TimeSpan.Zero || options.FlakyDowntime < TimeSpan.Zero)
        {
            errors.Add($"{nameof(SimulatorOptions.FlakyInterval)} and {nameof(SimulatorOptions.FlakyDowntime)} must not be negative (zero turns outages off)");
        }

        if (options.WorkDays.Count == 0)
        {
            errors.Add($"{nameof(SimulatorOptions.WorkDays)} needs at least one day, or no machine ever runs");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
