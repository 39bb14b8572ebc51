using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Identifies the keys of a secure channel and their lifetime.</summary>
internal sealed class ChannelSecurityToken : IEncodeable
{
    public uint ChannelId { get; set; }

    public uint TokenId { get; set; }

    public DateTime CreatedAt { get; set; }

    public uint RevisedLifetime { get; set; }

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteUInt32(ChannelId);
        encoder.WriteUInt32(TokenId);
        encoder.WriteDateTime(CreatedAt);
        encoder.WriteUInt32(RevisedLifetime);
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ChannelSecurityToken Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ChannelSecurityToken();
        value.ChannelId = decoder.ReadUInt32();
        value.TokenId = decoder.ReadUInt32();
        value.CreatedAt = decoder.ReadDateTime();
        value.RevisedLifetime = decoder.ReadUInt32();
        decoder.Leave();
        return value;
    }
}
