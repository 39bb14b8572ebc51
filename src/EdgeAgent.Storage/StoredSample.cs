using EdgeAgent.Core.Model;

namespace EdgeAgent.Storage;

/// <summary>A raw sample as read back from storage.</summary>
public readonly record struct StoredSample(string EquipmentId, string Tag, DateTime TimestampUtc, double Value, string? Text, SampleQuality Quality, string? Status);
