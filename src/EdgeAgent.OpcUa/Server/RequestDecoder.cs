using System.Collections.Frozen;
using EdgeAgent.OpcUa.Encoding;
using EdgeAgent.OpcUa.Services;

namespace EdgeAgent.OpcUa.Server;

/// <summary>Decodes the requests the server implements; any other request type is recognised only by its header.</summary>
internal static class RequestDecoder
{
    private static readonly FrozenDictionary<uint, DecodeFunc<IServiceRequest>> Decoders = new Dictionary<uint, DecodeFunc<IServiceRequest>>
    {
        [446] = static (ref BinaryDecoder d) => OpenSecureChannelRequest.Decode(ref d),
        [452] = static (ref BinaryDecoder d) => CloseSecureChannelRequest.Decode(ref d),
        [428] = static (ref BinaryDecoder d) => GetEndpointsRequest.Decode(ref d),
        [461] = static (ref BinaryDecoder d) => CreateSessionRequest.Decode(ref d),
        [467] = static (ref BinaryDecoder d) => ActivateSessionRequest.Decode(ref d),
        [473] = static (ref BinaryDecoder d) => CloseSessionRequest.Decode(ref d),
        [631] = static (ref BinaryDecoder d) => ReadRequest.Decode(ref d),
        [527] = static (ref BinaryDecoder d) => BrowseRequest.Decode(ref d),
        [533] = static (ref BinaryDecoder d) => BrowseNextRequest.Decode(ref d),
        [554] = static (ref BinaryDecoder d) => TranslateBrowsePathsToNodeIdsRequest.Decode(ref d),
        [787] = static (ref BinaryDecoder d) => CreateSubscriptionRequest.Decode(ref d),
        [793] = static (ref BinaryDecoder d) => ModifySubscriptionRequest.Decode(ref d),
        [751] = static (ref BinaryDecoder d) => CreateMonitoredItemsRequest.Decode(ref d),
        [826] = static (ref BinaryDecoder d) => PublishRequest.Decode(ref d),
        [832] = static (ref BinaryDecoder d) => RepublishRequest.Decode(ref d),
        [847] = static (ref BinaryDecoder d) => DeleteSubscriptionsRequest.Decode(ref d),
    }.ToFrozenDictionary();

    /// <summary>
    /// Decodes a request body (encoding NodeId + structure). For an unknown type returns null and the request header
    /// (every request starts with one), so the caller can answer BadServiceUnsupported.
    /// </summary>
    public static IServiceRequest? Decode(ReadOnlySpan<byte> body, DecodingLimits limits, out RequestHeader header, out NodeId typeId)
    {
        var decoder = new BinaryDecoder(body, limits);
        typeId = decoder.ReadNodeId();
        if (typeId.NamespaceIndex == 0 && typeId.IdType == IdType.Numeric && Decoders.TryGetValue(typeId.NumericId, out var decode))
        {
            var request = decode(ref decoder);
            header = request.RequestHeader;
            return request;
        }

        header = RequestHeader.Decode(ref decoder);
        return null;
    }

    /// <summary>The DefaultBinary encoding id of a response.</summary>
    public static NodeId EncodingId(IServiceResponse response) => response switch
    {
        ServiceFault => ServiceFault.BinaryEncodingId,
        OpenSecureChannelResponse => OpenSecureChannelResponse.BinaryEncodingId,
        GetEndpointsResponse => GetEndpointsResponse.BinaryEncodingId,
        CreateSessionResponse => CreateSessionResponse.BinaryEncodingId,
        ActivateSessionResponse => ActivateSessionResponse.BinaryEncodingId,
        CloseSessionResponse => CloseSessionResponse.BinaryEncodingId,
        ReadResponse => ReadResponse.BinaryEncodingId,
        BrowseResponse => BrowseResponse.BinaryEncodingId,
        BrowseNextResponse => BrowseNextResponse.BinaryEncodingId,
        TranslateBrowsePathsToNodeIdsResponse => TranslateBrowsePathsToNodeIdsResponse.BinaryEncodingId,
        CreateSubscriptionResponse => CreateSubscriptionResponse.BinaryEncodingId,
        ModifySubscriptionResponse => ModifySubscriptionResponse.BinaryEncodingId,
        CreateMonitoredItemsResponse => CreateMonitoredItemsResponse.BinaryEncodingId,
        PublishResponse => PublishResponse.BinaryEncodingId,
        RepublishResponse => RepublishResponse.BinaryEncodingId,
        DeleteSubscriptionsResponse => DeleteSubscriptionsResponse.BinaryEncodingId,
        _ => throw new ArgumentException($"No encoding for {response.GetType().Name}.", nameof(response)),
    };
}
