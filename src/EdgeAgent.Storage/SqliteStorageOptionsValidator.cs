using System.Globalization;
using EdgeAgent.Core.Configuration;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Storage;

/// <summary>Checks <see cref="SqliteStorageOptions"/> at start; messages name the JSON path of the plant configuration.</summary>
public sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            errors.Add("$.storage.dataFolder: a data folder is required");
        }

        if (options.RetentionDays < StorageConfig.MinimumRetentionDays)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"$.storage.retentionDays: {options.RetentionDays} is below the minimum of {StorageConfig.MinimumRetentionDays} days"));
        }

        if (options.RetentionBatchRows is < 1 or > 1_000_000)
        {
            errors.Add("$.storage.batchSize: retention batch rows must be between 1 and 1000000");
        }

        if (options.RetentionInterval <= TimeSpan.Zero || options.RollupInterval <= TimeSpan.Zero)
        {
            errors.Add("$.storage: retention and rollup intervals must be positive");
        }

        if (options.CacheSizeMb < 1)
        {
            errors.Add("$.storage: cache size must be at least 1 MiB");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
