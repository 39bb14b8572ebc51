namespace EdgeAgent.OpcUa.Services;

/// <summary>The nodes the paths lead to.</summary>
internal sealed class TranslateBrowsePathsToNodeIdsResponse : ResultsResponse<TranslateBrowsePathsToNodeIdsResponse, BrowsePathResult>
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(557u);
}
