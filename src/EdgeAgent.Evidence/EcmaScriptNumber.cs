using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace EdgeAgent.Evidence;

/// <summary>
/// Formats IEEE-754 doubles exactly as ECMAScript's <c>Number.prototype.toString()</c> does
/// (ECMA-262 Number::toString, radix 10), which is the number format RFC 8785 (JCS) prescribes.
/// </summary>
public static class EcmaScriptNumber
{
    /// <summary>Longest text <see cref="Format(double, Span{byte})"/> writes (<c>-1.2345678901234567e-308</c> is 24).</summary>
    internal const int MaxLength = 32;

    /// <summary>
    /// The ECMAScript string of <paramref name="value"/>: the shortest digit string that reads back
    /// to the same double, in plain notation for 1e-6 &lt;= |x| &lt; 1e21 and exponent notation
    /// (<c>1e+21</c>, <c>1.5e-7</c>) otherwise; negative zero is <c>0</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or an infinity: neither JSON nor JCS can carry them.</exception>
    public static string Format(double value)
    {
        Span<byte> bytes = stackalloc byte[MaxLength];
        return Encoding.ASCII.GetString(bytes[..Format(value, bytes)]);
    }

    /// <summary>Writes the ECMAScript string of <paramref name="value"/> as ASCII into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes); returns its length.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or an infinity.</exception>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "NaN and infinities have no JSON representation.");
        }

        // Covers negative zero too: ECMAScript prints both zeros as "0".
        if (value == 0)
        {
            destination[0] = (byte)'0';
            return 1;
        }

        // Since .NET Core 3.0 "R" is the shortest round-trip string (the closest one when several
        // digit strings of that length read back to the value), i.e. the digits ECMA-262 asks for;
        // only the layout differs, so we take the digits and exponent apart and lay them out again.
        Span<char> r = stackalloc char[MaxLength];
        if (!value.TryFormat(r, out int length, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A double's round-trip text is longer than expected.");
        }

        r = r[..length];
        bool negative = r[0] == '-';
        int start = negative ? 1 : 0;
        int ePos = r[start..].IndexOfAny('E', 'e');
        ePos = ePos < 0 ? -1 : ePos + start;
        int exponent = ePos < 0 ? 0 : int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        ReadOnlySpan<char> mantissa = r[start..(ePos < 0 ? r.Length : ePos)];

        // digits = the significant decimal digits; n = position of the decimal point relative to them,
        // so that value = 0.digits * 10^n (ECMA-262's k and n).
        Span<byte> digits = stackalloc byte[MaxLength];
        int k = 0;
        int pointAt = mantissa.IndexOf('.');
        int integerDigits = pointAt < 0 ? mantissa.Length : pointAt;
        foreach (char c in mantissa)
        {
            if (c != '.')
            {
                digits[k++] = (byte)c;
            }
        }

        int n = integerDigits + exponent;
        int leading = 0;
        while (leading < k - 1 && digits[leading] == '0')
        {
            leading++;
        }

        n -= leading;
        int trailing = k;
        while (trailing > leading + 1 && digits[trailing - 1] == '0')
        {
            trailing--;
        }

        return Layout(negative, digits[leading..trailing], n, destination);
    }

    private static int Layout(bool negative, ReadOnlySpan<byte> digits, int n, Span<byte> destination)
    {
        int k = digits.Length;
        int at = 0;
        if (negative)
        {
            destination[at++] = (byte)'-';
        }

        if (k <= n && n <= 21)
        {
            digits.CopyTo(destination[at..]);
            at += k;
            destination.Slice(at, n - k).Fill((byte)'0');
            at += n - k;
        }
        else if (0 < n && n <= 21)
        {
            digits[..n].CopyTo(destination[at..]);
            at += n;
            destination[at++] = (byte)'.';
            digits[n..].CopyTo(destination[at..]);
            at += k - n;
        }
        else if (-6 < n && n <= 0)
        {
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            destination.Slice(at, -n).Fill((byte)'0');
            at += -n;
            digits.CopyTo(destination[at..]);
            at += k;
        }
        else
        {
            int e = n - 1;
            destination[at++] = digits[0];
            if (k > 1)
            {
                destination[at++] = (byte)'.';
                digits[1..].CopyTo(destination[at..]);
                at += k - 1;
            }

            destination[at++] = (byte)'e';
            destination[at++] = e < 0 ? (byte)'-' : (byte)'+';
            Utf8Formatter.TryFormat(Math.Abs(e), destination[at..], out int written);
            at += written;
        }

        return at;
    }
}
