using System.Collections.Frozen;
using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Decodes a service message body (encoding NodeId + structure) into the response types this client knows.</summary>
internal static class ResponseDecoder
{
    private static readonly FrozenDictionary<uint, DecodeFunc<IServiceResponse>> Decoders = new Dictionary<uint, DecodeFunc<IServiceResponse>>
    {
        [397] = static (ref BinaryDecoder d) => ServiceFault.Decode(ref d),
        [449] = static (ref BinaryDecoder d) => OpenSecureChannelResponse.Decode(ref d),
        [431] = static (ref BinaryDecoder d) => GetEndpointsResponse.Decode(ref d),
        [464] = static (ref BinaryDecoder d) => CreateSessionResponse.Decode(ref d),
        [470] = static (ref BinaryDecoder d) => ActivateSessionResponse.Decode(ref d),
        [476] = static (ref BinaryDecoder d) => CloseSessionResponse.Decode(ref d),
        [634] = static (ref BinaryDecoder d) => ReadResponse.Decode(ref d),
        [530] = static (ref BinaryDecoder d) => BrowseResponse.Decode(ref d),
        [536] = static (ref BinaryDecoder d) => BrowseNextResponse.Decode(ref d),
        [557] = static (ref BinaryDecoder d) => TranslateBrowsePathsToNodeIdsResponse.Decode(ref d),
        [790] = static (ref BinaryDecoder d) => CreateSubscriptionResponse.Decode(ref d),
        [796] = static (ref BinaryDecoder d) => ModifySubscriptionResponse.Decode(ref d),
        [754] = static (ref BinaryDecoder d) => CreateMonitoredItemsResponse.Decode(ref d),
        [829] = static (ref BinaryDecoder d) => PublishResponse.Decode(ref d),
        [835] = static (ref BinaryDecoder d) => RepublishResponse.Decode(ref d),
        [850] = static (ref BinaryDecoder d) => DeleteSubscriptionsResponse.Decode(ref d),
    }.ToFrozenDictionary();

    /// <summary>Decodes a whole message body; trailing bytes are an error because they mean we misread the structure.</summary>
    public static IServiceResponse Decode(ReadOnlySpan<byte> body, DecodingLimits limits)
    {
        var decoder = new BinaryDecoder(body, limits);
        var typeId = decoder.ReadNodeId();
        if (typeId.NamespaceIndex != 0 || typeId.IdType != IdType.Numeric || !Decoders.TryGetValue(typeId.NumericId, out var decode))
        {
            throw new OpcUaDecodingException(StatusCodes.BadUnknownResponse, $"Unexpected response type {typeId}.");
        }

        var response = decode(ref decoder);
        if (decoder.Remaining != 0)
        {
            throw new OpcUaDecodingException($"{decoder.Remaining} unexpected bytes after {response.GetType().Name}.");
        }

        return response;
    }

    /// <summary>Decodes an ExtensionObject body of a known type, or returns null for unknown types.</summary>
    public static T? DecodeBody<T>(ExtensionObject extension, NodeId encodingId, DecodeFunc<T> decode, DecodingLimits limits)
        where T : class
    {
        if (extension.Encoding != ExtensionObjectEncoding.Binary || extension.Body is null || extension.TypeId != encodingId)
        {
            return null;
        }

        var decoder = new BinaryDecoder(extension.Body, limits);
        return decode(ref decoder);
    }
}
