namespace EdgeAgent.Web.Api;

/// <summary>One piece of equipment as served by <c>GET /api/devices</c> (field by field in docs/api.md).</summary>
/// <remarks>
/// <see cref="Collected"/> is false for equipment without a data source: it is listed all the same, because it counts in
/// the denominators of the indicators. <see cref="AvailabilityToday"/> is good poll cycles ÷ attempted cycles since the
/// plant-local midnight; <see cref="NetworkedToday"/> compares it with <c>indicators.networkedDayAvailability</c>.
/// </remarks>
public sealed record DeviceView(
    string Id,
    string Name,
    string Type,
    string? Process,
    string? Source,
    bool Collected,
    bool Online,
    string? Reason,
    DateTime? LastSeen,
    bool? NetworkedToday,
    double? AvailabilityToday,
    bool? NetworkedWindow,
    IReadOnlyList<TagValueView> Values);
