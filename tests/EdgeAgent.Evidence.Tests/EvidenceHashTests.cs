using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeAgent.Evidence.Tests;

public class EvidenceHashTests
{
    [Fact]
    public void Sha256MatchesTheFips180Vector()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", EvidenceHash.Sha256Hex("abc"u8));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", EvidenceHash.Sha256Hex([]));
    }

    [Fact]
    public void CanonicalHashIgnoresMemberOrderAndWhitespace()
    {
        using JsonDocument a = JsonDocument.Parse("""{ "b": [1.0, "x"], "a": {"d": null, "c": true} }""");
        var b = new JsonObject { ["a"] = new JsonObject { ["c"] = true, ["d"] = null }, ["b"] = new JsonArray(1, "x") };

        Assert.Equal(EvidenceHash.Sha256Canonical(a.RootElement), EvidenceHash.Sha256Canonical(b));
        Assert.Equal(EvidenceHash.Sha256Hex("""{"a":{"c":true,"d":null},"b":[1,"x"]}"""u8), EvidenceHash.Sha256CanonicalHex(b));
    }

    [Fact]
    public void HexIsLowerCaseAndRoundTrips()
    {
        Assert.Equal("00ff10ab", EvidenceEncoding.ToHex([0x00, 0xff, 0x10, 0xab]));
        Assert.Equal([0x00, 0xff, 0x10, 0xab], EvidenceEncoding.FromHex("00FF10ab"));
        Assert.Throws<FormatException>(() => EvidenceEncoding.FromHex("abc"));
        Assert.Throws<FormatException>(() => EvidenceEncoding.FromHex("zz"));
    }

    [Fact]
    public void Base64UrlRoundTripsEveryByteString()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            bytes ??= [];
            string text = EvidenceEncoding.ToBase64Url(bytes);
            return !text.Contains('=') && !text.Contains('+') && !text.Contains('/')
                && EvidenceEncoding.FromBase64Url(text).AsSpan().SequenceEqual(bytes)
                && text == Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }));
    }
}
