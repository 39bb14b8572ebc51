namespace EdgeAgent.OpcUa.Services;

/// <summary>A service response (or ServiceFault): carries a response header.</summary>
internal interface IServiceResponse : IEncodeable
{
    ResponseHeader ResponseHeader { get; set; }
}
