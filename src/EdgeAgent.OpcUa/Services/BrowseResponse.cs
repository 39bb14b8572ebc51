namespace EdgeAgent.OpcUa.Services;

/// <summary>The references found.</summary>
internal sealed class BrowseResponse : ResultsResponse<BrowseResponse, BrowseResult>
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(530u);
}
