using System.Collections;
using System.Globalization;

namespace EdgeAgent.OpcUa;

/// <summary>
/// A value of any built-in type: a scalar, a one-dimensional array (a typed .NET array such as <c>double[]</c>),
/// or a multi-dimensional array (a flat typed array in row-major order plus <see cref="ArrayDimensions"/>).
/// Scalars of String, ByteString, XmlElement are <see cref="string"/>, <c>byte[]</c>, <see cref="string"/>.
/// </summary>
public readonly struct Variant : IEquatable<Variant>
{
    private readonly int[]? _dimensions;

    /// <summary>Creates a variant; for arrays pass a typed array whose element type matches <paramref name="type"/>.</summary>
    public Variant(BuiltInType type, object? value, bool isArray = false, int[]? arrayDimensions = null)
    {
        Type = value is null && !isArray ? BuiltInType.Null : type;
        Value = value;
        IsArray = isArray || arrayDimensions is not null;
        _dimensions = arrayDimensions;
    }

    /// <summary>The Null variant.</summary>
    public static Variant Null => default;

    /// <summary>The built-in type of the value (or of the array elements).</summary>
    public BuiltInType Type { get; }

    /// <summary>The value: a scalar, or a typed array.</summary>
    public object? Value { get; }

    /// <summary>True when <see cref="Value"/> is an array.</summary>
    public bool IsArray { get; }

    /// <summary>The dimensions of a multi-dimensional array, or null for a scalar or one-dimensional array.</summary>
    public IReadOnlyList<int>? ArrayDimensions => _dimensions;

    /// <summary>True for the Null variant.</summary>
    public bool IsNull => Type == BuiltInType.Null;

    /// <summary>Creates a Boolean scalar.</summary>
    public static Variant From(bool value) => new(BuiltInType.Boolean, value);

    /// <summary>Creates an Int32 scalar.</summary>
    public static Variant From(int value) => new(BuiltInType.Int32, value);

    /// <summary>Creates a UInt32 scalar.</summary>
    public static Variant From(uint value) => new(BuiltInType.UInt32, value);

    /// <summary>Creates a Double scalar.</summary>
    public static Variant From(double value) => new(BuiltInType.Double, value);

    /// <summary>Creates a String scalar.</summary>
    public static Variant From(string? value) => new(BuiltInType.String, value);

    /// <summary>Converts a numeric or Boolean scalar to double (for deadband and analytics), or null when it is not numeric.</summary>
    public double? ToDouble() => IsArray ? null : Value switch
    {
        bool b => b ? 1 : 0,
        sbyte v => v,
        byte v => v,
        short v => v,
        ushort v => v,
        int v => v,
        uint v => v,
        long v => v,
        ulong v => v,
        float v => v,
        double v => v,
        _ => null,
    };

    /// <inheritdoc/>
    public bool Equals(Variant other)
    {
        if (Type != other.Type || IsArray != other.IsArray)
        {
            return false;
        }

        if (!DimensionsEqual(_dimensions, other._dimensions))
        {
            return false;
        }

        if (Value is IStructuralEquatable structural)
        {
            return structural.Equals(other.Value, StructuralComparisons.StructuralEqualityComparer);
        }

        return Equals(Value, other.Value);
    }

    private static bool DimensionsEqual(int[]? a, int[]? b) =>
        a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Variant other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, IsArray, Value is IStructuralEquatable s ? s.GetHashCode(StructuralComparisons.StructuralEqualityComparer) : Value?.GetHashCode() ?? 0);

    /// <inheritdoc/>
    public override string ToString()
    {
        if (Value is null)
        {
            return IsArray ? Type + "[null]" : "null";
        }

        if (IsArray && Value is Array array)
        {
            var items = array.Cast<object?>().Take(16).Select(o => Convert.ToString(o, CultureInfo.InvariantCulture));
            return Type + "[" + string.Join(", ", items) + (array.Length > 16 ? ", …" : string.Empty) + "]";
        }

        if (Value is byte[] bytes)
        {
            return Convert.ToHexString(bytes);
        }

        return Convert.ToString(Value, CultureInfo.InvariantCulture) ?? string.Empty;
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(Variant left, Variant right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Variant left, Variant right) => !left.Equals(right);
}
