using System.Text;
using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence.Tests;

/// <summary>Random JSON values that stress JCS: odd numbers, every escape, astral characters, deep and wide objects.</summary>
internal static class RandomJson
{
    private static readonly string[] Pieces =
    [
        "a", "b", "A", "Z", "1", "10", "_", " ", "é", "ö", "€", "😀", "\ufb33", "\u0080", "\u007f", "\u2028",
        "\u0000", "\u0001", "\u001f", "\b", "\f", "\n", "\r", "\t", "\"", "\\", "/", "<", "&", "'", "中文", "\uffff",
    ];

    public static JsonNode? Value(Random random, int depth)
    {
        int kind = random.Next(depth >= 4 ? 6 : 8);
        switch (kind)
        {
            case 0:
                return null;
            case 1:
                return JsonValue.Create(random.Next(2) == 0);
            case 2:
            case 3:
                return JsonValue.Create(Number(random));
            case 4:
            case 5:
                return JsonValue.Create(Text(random));
            case 6:
                var array = new JsonArray();
                for (int i = random.Next(5); i > 0; i--)
                {
                    array.Add(Value(random, depth + 1));
                }

                return array;
            default:
                var obj = new JsonObject();
                for (int i = random.Next(6); i > 0; i--)
                {
                    obj[Text(random)] = Value(random, depth + 1);
                }

                return obj;
        }
    }

    private static double Number(Random random)
    {
        while (true)
        {
            double d = random.Next(4) switch
            {
                0 => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)),
                1 => random.Next(-100_000, 100_000) / Math.Pow(10, random.Next(0, 8)),
                2 => random.NextInt64(-(1L << 60), 1L << 60),
                _ => random.NextDouble() * Math.Pow(10, random.Next(-30, 30)),
            };
            if (double.IsFinite(d))
            {
                return d;
            }
        }
    }

    private static string Text(Random random)
    {
        var sb = new StringBuilder();
        for (int i = random.Next(6); i > 0; i--)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return sb.ToString();
    }
}
