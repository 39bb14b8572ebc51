using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// The canonical form of one raw row inside a day digest: a JSON array in RFC 8785 form (docs/evidence.md,
/// "Day digest"). Arrays rather than objects so the line is short and its member order is fixed by position.
/// </summary>
/// <remarks>
/// Written directly (strings escaped as <see cref="CanonicalJson"/> escapes them, numbers in ECMAScript form) rather than
/// through a <c>JsonArray</c>: a day has hundreds of thousands of rows. Tests hold the bytes equal to
/// <c>CanonicalJson.Serialize</c> of the same array.
/// </remarks>
public static class CanonicalLines
{
    /// <summary>Integers up to 2^53 are exact doubles, whose ECMAScript form is their decimal digits.</summary>
    private const long ExactIntegerLimit = 1L << 53;

    /// <summary><c>[equipment, tag, ts_ms, value|null, text|null, quality, status|null]</c>; an infinite value is the string "Infinity" / "-Infinity".</summary>
    public static byte[] Sample(in RawSample sample)
    {
        var buffer = new ArrayBufferWriter<byte>(96);
        WriteSample(buffer, sample);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>[source, ts_ms, online, reason]</c>.</summary>
    public static byte[] StatusEvent(in RawStatusEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        WriteStatusEvent(buffer, e);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>[source, minute_ms, attempts, good]</c>.</summary>
    public static byte[] Cycle(in RawCycle c)
    {
        var buffer = new ArrayBufferWriter<byte>(48);
        WriteCycle(buffer, c);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Appends the canonical line of <paramref name="sample"/> to <paramref name="output"/>.</summary>
    /// <exception cref="CanonicalJsonException">A string is not valid Unicode, or the value is NaN.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteSample(IBufferWriter<byte> output, in RawSample sample)
    {
        ArgumentNullException.ThrowIfNull(output);
        var w = new LineWriter(output.GetSpan(
            64 + (3 * EcmaScriptNumber.MaxLength) + Bound(sample.Equipment) + Bound(sample.Tag) + Bound(sample.Text) + Bound(sample.Status)));
        w.Byte((byte)'[');
        w.String(sample.Equipment);
        w.Byte((byte)',');
        w.String(sample.Tag);
        w.Byte((byte)',');
        w.Integer(sample.TimestampMs);
        w.Byte((byte)',');
        switch (sample.Value)
        {
            case null:
                w.Bytes("null"u8);
                break;
            case double.PositiveInfinity:
                w.Bytes("\"Infinity\""u8);
                break;
            case double.NegativeInfinity:
                w.Bytes("\"-Infinity\""u8);
                break;
            case double v:
                w.Number(v);
                break;
        }

        w.Byte((byte)',');
        w.NullableString(sample.Text);
        w.Byte((byte)',');
        w.Integer(sample.Quality);
        w.Byte((byte)',');
        w.NullableString(sample.Status);
        w.Byte((byte)']');
        output.Advance(w.Written);
    }

    /// <summary>Appends the canonical line of <paramref name="e"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteStatusEvent(IBufferWriter<byte> output, in RawStatusEvent e)
    {
        ArgumentNullException.ThrowIfNull(output);
        var w = new LineWriter(output.GetSpan(64 + EcmaScriptNumber.MaxLength + Bound(e.Source) + Bound(e.Reason)));
        w.Byte((byte)'[');
        w.String(e.Source);
        w.Byte((byte)',');
        w.Integer(e.TimestampMs);
        w.Bytes(e.Online ? ",true,"u8 : ",false,"u8);
        w.String(e.Reason);
        w.Byte((byte)']');
        output.Advance(w.Written);
    }

    /// <summary>Appends the canonical line of <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteCycle(IBufferWriter<byte> output, in RawCycle c)
    {
        ArgumentNullException.ThrowIfNull(output);
        var w = new LineWriter(output.GetSpan(64 + (3 * EcmaScriptNumber.MaxLength) + Bound(c.Source)));
        w.Byte((byte)'[');
        w.String(c.Source);
        w.Byte((byte)',');
        w.Integer(c.MinuteMs);
        w.Byte((byte)',');
        w.Integer(c.Attempts);
        w.Byte((byte)',');
        w.Integer(c.Good);
        w.Byte((byte)']');
        output.Advance(w.Written);
    }

    /// <summary>Most bytes a string can take: 6 per UTF-16 unit (<c>\u00xx</c>; UTF-8 needs at most 3), and the quotes.</summary>
    private static int Bound(string? value) => value is null ? 4 : (6 * value.Length) + 2;

    /// <summary>Writes into a span sized for the whole line beforehand.</summary>
    private ref struct LineWriter
    {
        private readonly Span<byte> _span;

        public LineWriter(Span<byte> span) => _span = span;

        public int Written { get; private set; }

        public void Byte(byte b) => _span[Written++] = b;

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_span[Written..]);
            Written += bytes.Length;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Integer(long value)
        {
            if (value is >= -ExactIntegerLimit and <= ExactIntegerLimit)
            {
                Utf8Formatter.TryFormat(value, _span[Written..], out var written);
                Written += written;
            }
            else
            {
                // A JSON number is a double (RFC 8785): beyond 2^53 the nearest double, in ECMAScript form.
                Number(value);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Number(double value)
        {
            if (double.IsNaN(value))
            {
                throw new CanonicalJsonException("NaN and infinities have no JSON representation.");
            }

            if (value == Math.Floor(value) && Math.Abs(value) <= ExactIntegerLimit)
            {
                // Covers both zeros ("0"): an integral double below 2^53 prints as its integer digits.
                Integer((long)value);
                return;
            }

            Written += EcmaScriptNumber.Format(value, _span[Written..]);
        }

        public void NullableString(string? value)
        {
            if (value is null)
            {
                Bytes("null"u8);
            }
            else
            {
                String(value);
            }
        }

        /// <summary>A JSON string as RFC 8785 writes it: only <c>"</c>, <c>\</c> and controls escaped (<c>\b \t \n \f \r</c>, else <c>\u00xx</c>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void String(string value)
        {
            Byte((byte)'"');
            var run = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c >= 0x20 && c != '"' && c != '\\' && !char.IsSurrogate(c))
                {
                    continue;
                }

                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                if (char.IsSurrogate(c))
                {
                    throw new CanonicalJsonException($"Lone surrogate U+{(int)c:X4} at index {i}: the string is not valid Unicode.");
                }

                Utf8(value.AsSpan(run, i - run));
                run = i + 1;
                switch (c)
                {
                    case '"': Bytes("\\\""u8); break;
                    case '\\': Bytes("\\\\"u8); break;
                    case '\b': Bytes("\\b"u8); break;
                    case '\f': Bytes("\\f"u8); break;
                    case '\n': Bytes("\\n"u8); break;
                    case '\r': Bytes("\\r"u8); break;
                    case '\t': Bytes("\\t"u8); break;
                    default:
                        Bytes("\\u00"u8);
                        Byte((byte)"0123456789abcdef"[c >> 4]);
                        Byte((byte)"0123456789abcdef"[c & 0xF]);
                        break;
                }
            }

            Utf8(value.AsSpan(run));
            Byte((byte)'"');
        }

        private void Utf8(ReadOnlySpan<char> text)
        {
            if (!text.IsEmpty)
            {
                Written += Encoding.UTF8.GetBytes(text, _span[Written..]);
            }
        }
    }
}
