using System.Globalization;

namespace EdgeAgent.OpcUa;

/// <summary>An OPC UA StatusCode: severity in the top two bits, sub-code in the upper 16 bits, info bits below.</summary>
public readonly record struct StatusCode(uint Code)
{
    /// <summary>The Good status code.</summary>
    public static readonly StatusCode Good = new(0);

    /// <summary>True when the severity is Good.</summary>
    public bool IsGood => (Code & 0xC0000000) == 0;

    /// <summary>True when the severity is Uncertain.</summary>
    public bool IsUncertain => (Code & 0xC0000000) == 0x40000000;

    /// <summary>True when the severity is Bad.</summary>
    public bool IsBad => (Code & 0x80000000) != 0;

    /// <summary>The symbolic name (e.g. BadTooManySessions), or the hex code when the code is not in the table.</summary>
    public string Name => StatusCodes.GetName(Code) ?? "0x" + Code.ToString("X8", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Wraps a raw code.</summary>
    public static implicit operator StatusCode(uint code) => new(code);
}
