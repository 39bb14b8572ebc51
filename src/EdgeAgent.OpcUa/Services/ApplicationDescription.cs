using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Services;

/// <summary>Describes an OPC UA application (Part 4 §7.2).</summary>
public sealed class ApplicationDescription : IEncodeable
{
    public string? ApplicationUri { get; set; }

    public string? ProductUri { get; set; }

    public LocalizedText? ApplicationName { get; set; }

    public ApplicationType ApplicationType { get; set; }

    public string? GatewayServerUri { get; set; }

    public string? DiscoveryProfileUri { get; set; }

    public string?[] DiscoveryUrls { get; set; } = [];

    /// <inheritdoc/>
    public void Encode(BinaryEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.WriteString(ApplicationUri);
        encoder.WriteString(ProductUri);
        encoder.WriteLocalizedText(ApplicationName);
        encoder.WriteInt32((int)ApplicationType);
        encoder.WriteString(GatewayServerUri);
        encoder.WriteString(DiscoveryProfileUri);
        encoder.WriteArray(DiscoveryUrls, static (e, x) => e.WriteString(x));
    }

    /// <summary>Reads an instance from the binary encoding.</summary>
    public static ApplicationDescription Decode(ref BinaryDecoder decoder)
    {
        decoder.Enter();
        var value = new ApplicationDescription();
        value.ApplicationUri = decoder.ReadString();
        value.ProductUri = decoder.ReadString();
        value.ApplicationName = decoder.ReadLocalizedText();
        value.ApplicationType = (ApplicationType)decoder.ReadInt32();
        value.GatewayServerUri = decoder.ReadString();
        value.DiscoveryProfileUri = decoder.ReadString();
        value.DiscoveryUrls = decoder.ReadArrayOrEmpty(static (ref BinaryDecoder d) => d.ReadString());
        decoder.Leave();
        return value;
    }
}
