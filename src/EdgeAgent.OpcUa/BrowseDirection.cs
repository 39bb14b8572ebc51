namespace EdgeAgent.OpcUa;

/// <summary>Which references Browse follows.</summary>
public enum BrowseDirection
{
    Forward = 0,
    Inverse = 1,
    Both = 2,
}
