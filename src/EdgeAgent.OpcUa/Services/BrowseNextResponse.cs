namespace EdgeAgent.OpcUa.Services;

/// <summary>More references.</summary>
internal sealed class BrowseNextResponse : ResultsResponse<BrowseNextResponse, BrowseResult>
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(536u);
}
