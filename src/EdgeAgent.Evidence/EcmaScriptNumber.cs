using System.Globalization;
using System.Text;

namespace EdgeAgent.Evidence;

/// <summary>
/// Formats IEEE-754 doubles exactly as ECMAScript's <c>Number.prototype.toString()</c> does
/// (ECMA-262 Number::toString, radix 10), which is the number format RFC 8785 (JCS) prescribes.
/// </summary>
public static class EcmaScriptNumber
{
    /// <summary>
    /// The ECMAScript string of <paramref name="value"/>: the shortest digit string that reads back
    /// to the same double, in plain notation for 1e-6 &lt;= |x| &lt; 1e21 and exponent notation
    /// (<c>1e+21</c>, <c>1.5e-7</c>) otherwise; negative zero is <c>0</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or an infinity: neither JSON nor JCS can carry them.</exception>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "NaN and infinities have no JSON representation.");
        }

        // Covers negative zero too: ECMAScript prints both zeros as "0".
        if (value == 0)
        {
            return "0";
        }

        // Since .NET Core 3.0 "R" is the shortest round-trip string (the closest one when several
        // digit strings of that length read back to the value), i.e. the digits ECMA-262 asks for;
        // only the layout differs, so we take the digits and exponent apart and lay them out again.
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r[0] == '-';
        int start = negative ? 1 : 0;
        int ePos = r.IndexOfAny(['E', 'e'], start);
        int exponent = ePos < 0 ? 0 : int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        ReadOnlySpan<char> mantissa = r.AsSpan(start, (ePos < 0 ? r.Length : ePos) - start);

        // digits = the significant decimal digits; n = position of the decimal point relative to them,
        // so that value = 0.digits * 10^n (ECMA-262's k and n).
        var digits = new StringBuilder(mantissa.Length);
        int pointAt = mantissa.IndexOf('.');
        int integerDigits = pointAt < 0 ? mantissa.Length : pointAt;
        foreach (char c in mantissa)
        {
            if (c != '.')
            {
                digits.Append(c);
            }
        }

        int n = integerDigits + exponent;
        int leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits.Remove(0, leading);
        n -= leading;
        int trailing = digits.Length;
        while (trailing > 1 && digits[trailing - 1] == '0')
        {
            trailing--;
        }

        digits.Length = trailing;
        return Layout(negative, digits.ToString(), n);
    }

    private static string Layout(bool negative, string digits, int n)
    {
        int k = digits.Length;
        var sb = new StringBuilder(k + 26);
        if (negative)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            int e = n - 1;
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
