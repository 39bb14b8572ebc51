namespace EdgeAgent.Web.Api;

/// <summary>One piece of equipment as served by <c>GET /api/devices</c>.</summary>
public sealed record DeviceView(
    string Id,
    string Name,
    string Type,
    string? Process,
    string? Source,
    bool Online,
    string? Reason,
    DateTime? LastSeen,
    bool? NetworkedToday,
    double? AvailabilityToday,
    bool? NetworkedWindow,
    IReadOnlyList<TagValueView> Values);
