namespace EdgeAgent.OpcUa.Services;

/// <summary>A service request: carries a request header and knows its binary encoding id.</summary>
internal interface IServiceRequest : IEncodeable
{
    RequestHeader RequestHeader { get; set; }

    NodeId EncodingId { get; }

    string ServiceName { get; }
}
