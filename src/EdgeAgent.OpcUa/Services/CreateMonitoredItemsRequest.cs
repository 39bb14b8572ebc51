using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Adds monitored items to a subscription.</summary>
internal sealed class CreateMonitoredItemsRequest : IServiceRequest
{
    /// <summary>The NodeId of the DefaultBinary encoding.</summary>
    public static readonly NodeId BinaryEncodingId = new(751u);

    /// <inheritdoc/>
    public NodeId EncodingId => BinaryEncodingId;

    /// <inheritdoc/>
    public string ServiceName => "CreateMonitoredItems";

    public RequestHeader RequestHeader { get; set; } = new RequestHeader();

    public uint SubscriptionId { get; set; }

    public TimestampsToReturn TimestampsToReturn { get; set; }

    public MonitoredItemCreateRequest[] ItemsToCreate { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        RequestHeader.Encode(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteInt32((int)TimestampsToReturn);
        encoder.WriteArray(ItemsToCreate, static (e, x) => x.Encode(e));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static CreateMonitoredItemsRequest Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new CreateMonitoredItemsRequest();
        value.RequestHeader = RequestHeader.Decode(ref decoder);
        value.SubscriptionId = decoder.ReadUInt32();
        value.TimestampsToReturn = (TimestampsToReturn)decoder.ReadInt32();
        value.ItemsToCreate = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => MonitoredItemCreateRequest.Decode(ref d));
        decoder.Leave();
        return value;
    }
}
