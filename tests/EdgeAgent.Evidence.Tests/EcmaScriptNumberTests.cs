using System.Globalization;

namespace EdgeAgent.Evidence.Tests;

public class EcmaScriptNumberTests
{
    [Theory]
    // RFC 8785 Appendix B: IEEE-754 bit pattern -> JCS text.
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void FormatsTheRfc8785AppendixBNumbers(string bits, string expected)
    {
        double value = BitConverter.Int64BitsToDouble(long.Parse(bits, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        Assert.Equal(expected, EcmaScriptNumber.Format(value));
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(100.0, "100")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e21, "1.5e+21")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.2345e-7, "1.2345e-7")]
    [InlineData(123e-20, "1.23e-18")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    public void UsesPlainNotationOnlyBetweenOneMillionthAndTenToTheTwentyFirst(double value, string expected)
    {
        Assert.Equal(expected, EcmaScriptNumber.Format(value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RejectsNonFiniteNumbers(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EcmaScriptNumber.Format(value));
    }

    [Fact]
    public void AgreesWithNodeOnTwentyThousandDoubles()
    {
        var random = new Random(8785);
        var values = new List<double>();

        // Uniform bit patterns cover every exponent, subnormals included.
        while (values.Count < 10_000)
        {
            double d = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(d))
            {
                values.Add(d);
            }
        }

        // Short decimals, the kind meters and counters produce, at every scale.
        for (int i = 0; i < 6_000; i++)
        {
            values.Add(random.Next(-1_000_000, 1_000_000) * Math.Pow(10, random.Next(-30, 30)));
        }

        // Neighbours of the layout boundaries (1e-7, 1e-6, 1e21, 2^53) and of powers of ten.
        foreach (double anchor in new[] { 1e-7, 1e-6, 1e21, 1e22, 9007199254740992.0, 1.0, 0.1 })
        {
            long bits = BitConverter.DoubleToInt64Bits(anchor);
            for (int delta = -50; delta <= 50; delta++)
            {
                values.Add(BitConverter.Int64BitsToDouble(bits + delta));
                values.Add(-BitConverter.Int64BitsToDouble(bits + delta));
            }
        }

        for (int exponent = -324; exponent <= 308; exponent++)
        {
            values.Add(double.Parse($"1e{exponent}", CultureInfo.InvariantCulture));
            values.Add(double.Parse($"4.35e{exponent}", CultureInfo.InvariantCulture));
        }

        values.RemoveAll(v => !double.IsFinite(v));
        string input = string.Join('\n', values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("x16", CultureInfo.InvariantCulture)));
        string[] node = Peer.RunOk("node", [Peer.Script("es_number.js")], input).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(values.Count, node.Length);
        var mismatches = new List<string>();
        for (int i = 0; i < values.Count; i++)
        {
            string ours = EcmaScriptNumber.Format(values[i]);
            if (ours != node[i])
            {
                mismatches.Add($"{BitConverter.DoubleToInt64Bits(values[i]):x16}: ours {ours}, node {node[i]}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {values.Count} differ, e.g.\n{string.Join('\n', mismatches.Take(10))}");
    }
}
