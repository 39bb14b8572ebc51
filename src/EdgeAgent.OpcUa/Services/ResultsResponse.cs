using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>
/// The common shape of the responses that answer a list of operations (Part 4): the response header, one result per
/// operation, and diagnostic infos.
/// </summary>
/// <typeparam name="TSelf">The concrete response.</typeparam>
/// <typeparam name="TResult">The result of one operation.</typeparam>
internal abstract class ResultsResponse<TSelf, TResult> : IServiceResponse
    where TSelf : ResultsResponse<TSelf, TResult>, new()
    where TResult : IDecodeable<TResult>
{
    public ResponseHeader ResponseHeader { get; set; } = new ResponseHeader();

    public TResult[] Results { get; set; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ResponseHeader.Encode(encoder);
        encoder.WriteArray(Results, static (e, x) => x.Encode(e));
        encoder.WriteArray(DiagnosticInfos, static (e, x) => e.WriteDiagnosticInfo(x));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static TSelf Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new TSelf
        {
            ResponseHeader = ResponseHeader.Decode(ref decoder),
        };
        value.Results = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => TResult.Decode(ref d));
        value.DiagnosticInfos = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadDiagnosticInfo());
        decoder.Leave();
        return value;
    }
}
