using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Rollups;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// Builds the per-equipment day rollups the indicator engine needs from one day's raw rows. The ledger and the bundle
/// verifier call the same function, so a verifier recomputes the signed indicators from the raw CSV.
/// </summary>
public delegate IReadOnlyList<EquipmentRollup> DayRollupFunction(AgentConfig config, DayRawData data, TimeZoneInfo zone);
