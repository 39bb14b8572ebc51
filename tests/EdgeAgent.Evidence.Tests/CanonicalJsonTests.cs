using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence.Tests;

public class CanonicalJsonTests
{
    private static string Canonical(string json) => Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void CanonicalizesTheRfc8785Section322Example()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        byte[] canonical = CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(input));

        // The RFC gives the result as bytes (section 3.2.4); compare bytes, not decoded text.
        const string expectedHex =
            "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e" +
            "756d62657273223a5b3333333333333333332e333333333333332c31652b3330" +
            "2c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac24" +
            "5c75303030665c6e4127425c225c5c5c5c5c222f227d";
        Assert.Equal(expectedHex, EvidenceEncoding.ToHex(canonical));
        Assert.Equal("""{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""", Encoding.UTF8.GetString(canonical));
    }

    [Fact]
    public void SortsMembersByUtf16CodeUnitsAsInRfc8785Section323()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        using JsonDocument document = JsonDocument.Parse(Canonical(input));
        string[] names = document.RootElement.EnumerateObject().Select(p => p.Value.GetString()!).ToArray();

        // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB33 in UTF-16 (not in code points).
        Assert.Equal(
            ["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"],
            names);
    }

    [Fact]
    public void EscapesOnlyWhatRfc8785Escapes()
    {
        var node = new JsonObject { ["s"] = "\u0000\u0001\u001f\b\f\n\r\t\"\\/\u007f\u0080\u2028\u00e9😀<>&'" };

        string canonical = Encoding.UTF8.GetString(CanonicalJson.Serialize(node));

        Assert.Equal("{\"s\":\"\\u0000\\u0001\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\u007f\u0080\u2028\u00e9😀<>&'\"}", canonical);
    }

    [Fact]
    public void RemovesWhitespaceAndNormalizesNumbers()
    {
        Assert.Equal("""{"a":[1,-0.5,0,100,1e+21],"b":{}}""", Canonical(""" { "b" : { } , "a" : [ 1.0 , -5e-1, -0.0, 1E2, 1000000000000000000000 ] } """));
    }

    [Fact]
    public void WritesIntegersBeyondTwoToTheFiftyThreeAsTheirNearestDouble()
    {
        Assert.Equal("[9007199254740992,18446744073709552000]", Canonical("[9007199254740993, 18446744073709551615]"));
    }

    [Fact]
    public void JsonNodeAndParsedTextCanonicalizeIdentically()
    {
        var node = new JsonObject
        {
            ["int"] = 42,
            ["long"] = 1234567890123L,
            ["decimal"] = 4.50m,
            ["float"] = 0.1f,
            ["double"] = 0.1,
            ["text"] = "héllo",
            ["when"] = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            ["flag"] = true,
            ["none"] = null,
            ["list"] = new JsonArray(3, "x", new JsonObject()),
        };

        byte[] fromNode = CanonicalJson.Serialize(node);
        using JsonDocument parsed = JsonDocument.Parse(node.ToJsonString());

        Assert.Equal(fromNode, CanonicalJson.Serialize(parsed.RootElement));
        Assert.Equal(
            """{"decimal":4.5,"double":0.1,"flag":true,"float":0.1,"int":42,"list":[3,"x",{}],"long":1234567890123,"none":null,"text":"héllo","when":"2025-01-02T03:04:05Z"}""",
            Encoding.UTF8.GetString(fromNode));
    }

    [Fact]
    public void SerializesTheNullNodeAsTheNullLiteral()
    {
        Assert.Equal("null"u8.ToArray(), CanonicalJson.Serialize((JsonNode?)null));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RejectsNonFiniteNumbersInNodes(double value)
    {
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JsonArray(value)));
    }

    [Fact]
    public void RejectsNonFiniteSinglePrecisionNumbersInNodes()
    {
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JsonArray(float.NaN)));
    }

    [Fact]
    public void RejectsNumbersBeyondTheDoubleRange()
    {
        Assert.Throws<CanonicalJsonException>(() => Canonical("[1e400]"));
    }

    [Fact]
    public void RejectsDuplicateMemberNames()
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => Canonical("""{"a":1,"b":2,"a":3}"""));
        Assert.Contains("\"a\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsLoneSurrogatesInStrings()
    {
        // Not theory data: xunit would replace the lone surrogates with U+FFFD on the way to the test.
        foreach (string value in new[] { "\ud800", "a\udc00b", "\ude00\ud83d", "x\ud83d" })
        {
            Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JsonArray(value)));
            Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JsonObject { [value] = 1 }));
        }
    }

    [Fact]
    public void RejectsLoneSurrogateEscapesInParsedText()
    {
        Assert.Throws<CanonicalJsonException>(() => Canonical("""["\ud800"]"""));
    }

    [Fact]
    public void RejectsTrailingDataAndComments()
    {
        Assert.ThrowsAny<JsonException>(() => Canonical("[1] [2]"));
        Assert.ThrowsAny<JsonException>(() => Canonical("[1 /* two */]"));
    }

    [Fact]
    public void RejectsNestingDeeperThanTheLimit()
    {
        JsonNode node = new JsonArray();
        for (int i = 0; i < 200; i++)
        {
            node = new JsonArray(node);
        }

        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(node));
    }

    [Fact]
    public void IsIdempotent()
    {
        var random = new Random(1);
        for (int i = 0; i < 200; i++)
        {
            byte[] once = CanonicalJson.Serialize(RandomJson.Value(random, 0));
            Assert.Equal(once, CanonicalJson.Canonicalize(once));
        }
    }

    [Fact]
    public void AgreesWithAnIndependentCanonicalizerOnNodeForRandomDocuments()
    {
        var random = new Random(6962);
        var documents = Enumerable.Range(0, 1_500).Select(_ => RandomJson.Value(random, 0)).ToList();
        string input = string.Join('\n', documents.Select(d => d?.ToJsonString() ?? "null"));

        string[] node = Peer.RunOk("node", [Peer.Script("jcs.js")], input).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(documents.Count, node.Length);
        for (int i = 0; i < documents.Count; i++)
        {
            byte[] ours = CanonicalJson.Serialize(documents[i]);
            byte[] theirs = Convert.FromBase64String(node[i]);
            Assert.True(ours.AsSpan().SequenceEqual(theirs), $"document {i} differs:\nours {Encoding.UTF8.GetString(ours)}\nnode {Encoding.UTF8.GetString(theirs)}");
        }
    }
}
