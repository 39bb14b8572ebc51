using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeAgent.Evidence.Tests;

public class JwsTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"day":"2025-03-01","digest":"abc","设备":"CNC-01"}""");

    private static Func<string, ECDsa?> Resolver(SigningKey key) => kid => kid == key.KeyId ? key.Key : null;

    private static string B64(string text) => EvidenceEncoding.ToBase64Url(Encoding.UTF8.GetBytes(text));

    private static string Segment(string compact, int index) => compact.Split('.')[index];

    [Fact]
    public void SignedPayloadVerifiesWithTheKeyNamedByItsKid()
    {
        using SigningKey key = SigningKey.Generate();

        string jws = JwsSigner.Sign(Payload, key, "edgeagent-day+jws");
        JwsVerificationResult result = JwsVerifier.Verify(jws, Resolver(key));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(JwsError.None, result.Error);
        Assert.Equal(Payload, result.Payload);
        Assert.Equal(key.KeyId, result.KeyId);
        Assert.Equal("edgeagent-day+jws", result.Type);
    }

    [Fact]
    public void ProtectedHeaderIsCanonicalJsonWithAlgKidAndTyp()
    {
        using SigningKey key = SigningKey.Generate();

        string jws = JwsSigner.Sign(Payload, key, "edgeagent-day+jws");
        string header = Encoding.UTF8.GetString(EvidenceEncoding.FromBase64Url(Segment(jws, 0)));

        Assert.Equal($$"""{"alg":"ES256","kid":"{{key.KeyId}}","typ":"edgeagent-day+jws"}""", header);
        Assert.Equal(64, EvidenceEncoding.FromBase64Url(Segment(jws, 2)).Length);
        Assert.DoesNotContain('=', jws);
    }

    [Fact]
    public void KeyIdIsTheRfc7638ThumbprintOfThePublicJwk()
    {
        using SigningKey key = SigningKey.Generate();
        JsonObject jwk = key.ExportPublicJwk();

        string members = $$"""{"crv":"P-256","kty":"EC","x":"{{jwk["x"]}}","y":"{{jwk["y"]}}"}""";

        Assert.Equal(EvidenceEncoding.ToBase64Url(SHA256.HashData(Encoding.UTF8.GetBytes(members))), key.KeyId);
        Assert.Equal(key.KeyId, (string?)jwk["kid"]);
        Assert.Equal(43, key.KeyId.Length);
    }

    [Fact]
    public void PublicKeyRoundTripsThroughPemAndJwk()
    {
        using SigningKey key = SigningKey.Generate();
        string jws = JwsSigner.Sign(Payload, key);

        string pem = key.ExportPublicPem();
        using ECDsa fromPem = EcKeyFormats.ImportPublicPem(pem);
        using ECDsa fromJwk = EcKeyFormats.ImportPublicJwk(key.ExportPublicJwk());

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem, StringComparison.Ordinal);
        Assert.Equal(key.KeyId, EcKeyFormats.KeyId(fromPem));
        Assert.Equal(key.KeyId, EcKeyFormats.KeyId(fromJwk));
        Assert.True(JwsVerifier.Verify(jws, fromPem).IsValid);
        Assert.True(JwsVerifier.Verify(jws, fromJwk).IsValid);
    }

    [Fact]
    public void PrivateKeyRoundTripsThroughPkcs8Pem()
    {
        using SigningKey key = SigningKey.Generate();
        string pem = key.ExportPkcs8Pem();

        using SigningKey again = SigningKey.FromPkcs8Pem(pem);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);
        Assert.Equal(key.KeyId, again.KeyId);
        Assert.True(JwsVerifier.Verify(JwsSigner.Sign(Payload, again), Resolver(key)).IsValid);
    }

    [Fact]
    public void VerifiesTheRfc7515AppendixA3Example()
    {
        // RFC 7515 A.3: ES256 over the JOE claims, key given as a JWK. ECDSA is randomized, so the RFC's
        // signature can only be checked, not reproduced.
        using ECDsa key = EcKeyFormats.ImportPublicJwk(new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
            ["y"] = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
        });
        const string jws = "eyJhbGciOiJFUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
            + ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

        JwsVerificationResult result = JwsVerifier.Verify(jws, key);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}", Encoding.UTF8.GetString(result.Payload!));

        // Same token through the kid-resolving path: it has no kid, which is a precise error.
        Assert.Equal(JwsError.MissingKeyId, JwsVerifier.Verify(jws, _ => key).Error);
    }

    [Fact]
    public void DetachedPayloadVerifiesOnlyWithTheSamePayload()
    {
        using SigningKey key = SigningKey.Generate();

        string jws = JwsSigner.SignDetached(Payload, key);

        Assert.Empty(Segment(jws, 1));
        Assert.True(JwsVerifier.VerifyDetached(jws, Payload, Resolver(key)).IsValid);
        Assert.Equal(Payload, JwsVerifier.VerifyDetached(jws, Payload, key.Key).Payload);
        Assert.Equal(JwsError.BadSignature, JwsVerifier.VerifyDetached(jws, [.. Payload, 0x20], Resolver(key)).Error);
        Assert.Equal(JwsError.BadSignature, JwsVerifier.Verify(jws, Resolver(key)).Error);
        Assert.Equal(JwsError.Malformed, JwsVerifier.VerifyDetached(JwsSigner.Sign(Payload, key), Payload, Resolver(key)).Error);
    }

    [Fact]
    public void TamperedPayloadOrSignatureIsABadSignature()
    {
        using SigningKey key = SigningKey.Generate();
        string jws = JwsSigner.Sign(Payload, key);
        string[] parts = jws.Split('.');

        byte[] payload = EvidenceEncoding.FromBase64Url(parts[1]);
        payload[5] ^= 1;
        byte[] signature = EvidenceEncoding.FromBase64Url(parts[2]);
        signature[40] ^= 1;

        Assert.Equal(JwsError.BadSignature, JwsVerifier.Verify($"{parts[0]}.{EvidenceEncoding.ToBase64Url(payload)}.{parts[2]}", Resolver(key)).Error);
        Assert.Equal(JwsError.BadSignature, JwsVerifier.Verify($"{parts[0]}.{parts[1]}.{EvidenceEncoding.ToBase64Url(signature)}", Resolver(key)).Error);
    }

    [Fact]
    public void SignatureFromAnotherKeyIsABadSignature()
    {
        using SigningKey key = SigningKey.Generate();
        using SigningKey other = SigningKey.Generate();

        JwsVerificationResult result = JwsVerifier.Verify(JwsSigner.Sign(Payload, other), _ => key.Key);

        Assert.Equal(JwsError.BadSignature, result.Error);
        Assert.Null(result.Payload);
    }

    [Fact]
    public void DerEncodedSignatureIsRejected()
    {
        using SigningKey key = SigningKey.Generate();
        string header = Segment(JwsSigner.Sign(Payload, key), 0);
        string body = EvidenceEncoding.ToBase64Url(Payload);
        byte[] der = key.Key.SignData(Encoding.ASCII.GetBytes(header + "." + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        Assert.Equal(JwsError.BadSignature, JwsVerifier.Verify($"{header}.{body}.{EvidenceEncoding.ToBase64Url(der)}", Resolver(key)).Error);
    }

    [Fact]
    public void UnknownKidIsReportedAsSuch()
    {
        using SigningKey key = SigningKey.Generate();

        JwsVerificationResult result = JwsVerifier.Verify(JwsSigner.Sign(Payload, key), new Dictionary<string, ECDsa>());

        Assert.Equal(JwsError.UnknownKeyId, result.Error);
        Assert.Equal(key.KeyId, result.KeyId);
        Assert.Contains(key.KeyId, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlgNoneIsNeverAccepted()
    {
        using SigningKey key = SigningKey.Generate();
        string body = EvidenceEncoding.ToBase64Url(Payload);

        foreach (string header in new[] { $$"""{"alg":"none","kid":"{{key.KeyId}}"}""", """{"alg":"none"}""", """{"alg":"NONE"}""", """{"alg":"es256"}""", """{"kid":"x"}""" })
        {
            JwsVerificationResult result = JwsVerifier.Verify($"{B64(header)}.{body}.", Resolver(key));
            Assert.Equal(JwsError.UnsupportedAlgorithm, result.Error);
            JwsVerificationResult withKey = JwsVerifier.Verify($"{B64(header)}.{body}.", key.Key);
            Assert.Equal(JwsError.UnsupportedAlgorithm, withKey.Error);
        }
    }

    [Fact]
    public void HmacKeyedWithThePublicKeyIsNeverAccepted()
    {
        // The classic algorithm-confusion forgery: HS256 with the verifier's public key as the secret.
        using SigningKey key = SigningKey.Generate();
        foreach (string alg in new[] { "HS256", "HS384", "HS512", "ES384", "RS256", "PS256", "EdDSA" })
        {
            string signingInput = $$"""{{B64($$"""{"alg":"{{alg}}","kid":"{{key.KeyId}}"}""")}}.{{EvidenceEncoding.ToBase64Url(Payload)}}""";
            byte[] mac = HMACSHA256.HashData(Encoding.ASCII.GetBytes(key.ExportPublicPem()), Encoding.ASCII.GetBytes(signingInput));

            JwsVerificationResult result = JwsVerifier.Verify($"{signingInput}.{EvidenceEncoding.ToBase64Url(mac)}", Resolver(key));

            Assert.Equal(JwsError.UnsupportedAlgorithm, result.Error);
            Assert.Contains(alg, result.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CriticalHeaderExtensionsAreRejected()
    {
        using SigningKey key = SigningKey.Generate();
        string header = B64($$"""{"alg":"ES256","kid":"{{key.KeyId}}","b64":false,"crit":["b64"]}""");
        string body = EvidenceEncoding.ToBase64Url(Payload);
        byte[] sig = key.Key.SignData(Encoding.ASCII.GetBytes(header + "." + body), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        Assert.Equal(JwsError.UnsupportedCriticalHeader, JwsVerifier.Verify($"{header}.{body}.{EvidenceEncoding.ToBase64Url(sig)}", Resolver(key)).Error);
    }

    [Fact]
    public void KeyOnAnotherCurveIsAnInvalidKey()
    {
        using SigningKey key = SigningKey.Generate();
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Equal(JwsError.InvalidKey, JwsVerifier.Verify(JwsSigner.Sign(Payload, key), _ => p384).Error);
        Assert.Throws<CryptographicException>(() => SigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP384)));
    }

    [Fact]
    public void MalformedTokensAreReportedAsMalformed()
    {
        using SigningKey key = SigningKey.Generate();
        string jws = JwsSigner.Sign(Payload, key);
        string[] p = jws.Split('.');
        string Header(string json) => B64(json);

        string[] malformed =
        [
            "",
            "abc",
            $"{p[0]}.{p[1]}",
            $"{p[0]}.{p[1]}.{p[2]}.{p[2]}",
            $"{p[0]}=.{p[1]}.{p[2]}",
            $"{p[0]}.{p[1]}=.{p[2]}",
            $"{p[0]}.{p[1]}.{p[2]}=",
            $"{p[0]}.{p[1]}.{p[2].Replace('-', '+').Replace('_', '/')}x",
            $"{p[0]}.{p[1]}.{p[2]} ",
            $".{p[1]}.{p[2]}",
            $"{Header("not json")}.{p[1]}.{p[2]}",
            $"{Header("[\"ES256\"]")}.{p[1]}.{p[2]}",
            $"{Header("{\"alg\":\"ES256\",\"alg\":\"none\"}")}.{p[1]}.{p[2]}",
            $"{Header("{\"alg\":\"ES256\",\"kid\":5}")}.{p[1]}.{p[2]}",
            $"{Header("{\"alg\":[\"ES256\"]}")}.{p[1]}.{p[2]}",
        ];

        foreach (string token in malformed)
        {
            JwsVerificationResult result = JwsVerifier.Verify(token, Resolver(key));
            Assert.True(result.Error == JwsError.Malformed, $"'{token}' gave {result}");
        }
    }

    [Fact]
    public void NonCanonicalBase64UrlSpellingsAreRejected()
    {
        // 32 bytes -> 43 characters; the last carries 2 unused bits that must be zero.
        byte[] bytes = SHA256.HashData("x"u8);
        string text = EvidenceEncoding.ToBase64Url(bytes);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char dirty = alphabet[alphabet.IndexOf(text[^1], StringComparison.Ordinal) ^ 1];

        Assert.Equal(bytes, EvidenceEncoding.FromBase64Url(text));
        Assert.False(EvidenceEncoding.TryFromBase64Url(text[..^1] + dirty, out _));
        Assert.False(EvidenceEncoding.TryFromBase64Url(text + "=", out _));
        Assert.False(EvidenceEncoding.TryFromBase64Url(text.AsSpan(0, 41), out _), "a length of 4k+1 characters encodes nothing");
        Assert.False(EvidenceEncoding.TryFromBase64Url("ab+/", out _));
        Assert.False(EvidenceEncoding.TryFromBase64Url("ab cd", out _));
        Assert.False(EvidenceEncoding.TryFromBase64Url("a", out _));
        Assert.Equal([0xfb, 0xff], EvidenceEncoding.FromBase64Url("-_8"));
        Assert.Empty(EvidenceEncoding.FromBase64Url(""));
    }

    [Fact]
    public void OurJwsVerifiesWithNodeCrypto()
    {
        using var folder = new TempFolder();
        using SigningKey key = SigningKey.Generate();
        File.WriteAllText(folder.File("pub.pem"), key.ExportPublicPem());
        File.WriteAllText(folder.File("jws.txt"), JwsSigner.Sign(Payload, key, "edgeagent-day+jws"));

        using JsonDocument node = JsonDocument.Parse(Peer.RunOk("node", [Peer.Script("verify_jws.js"), folder.File("pub.pem"), folder.File("jws.txt")]));

        Assert.True(node.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(key.KeyId, node.RootElement.GetProperty("thumbprint").GetString());
        Assert.Equal(key.KeyId, node.RootElement.GetProperty("kid").GetString());
        Assert.Equal(Payload, Convert.FromBase64String(node.RootElement.GetProperty("payloadBase64").GetString()!));
    }

    [Fact]
    public void OurDetachedJwsVerifiesWithNodeCrypto()
    {
        using var folder = new TempFolder();
        using SigningKey key = SigningKey.Generate();
        File.WriteAllText(folder.File("pub.pem"), key.ExportPublicPem());
        File.WriteAllText(folder.File("jws.txt"), JwsSigner.SignDetached(Payload, key));
        File.WriteAllBytes(folder.File("payload.json"), Payload);
        File.WriteAllBytes(folder.File("other.json"), [.. Payload, (byte)' ']);

        PeerResult good = Peer.Run("node", [Peer.Script("verify_jws.js"), folder.File("pub.pem"), folder.File("jws.txt"), folder.File("payload.json")]);
        PeerResult bad = Peer.Run("node", [Peer.Script("verify_jws.js"), folder.File("pub.pem"), folder.File("jws.txt"), folder.File("other.json")]);

        Assert.True(good.ExitCode == 0, good.StandardOutput + good.StandardError);
        Assert.True(bad.ExitCode == 1, bad.StandardOutput + bad.StandardError);
    }

    [Fact]
    public void NodeRejectsOurJwsWhenThePayloadIsTampered()
    {
        using var folder = new TempFolder();
        using SigningKey key = SigningKey.Generate();
        string[] parts = JwsSigner.Sign(Payload, key).Split('.');
        File.WriteAllText(folder.File("pub.pem"), key.ExportPublicPem());
        File.WriteAllText(folder.File("jws.txt"), $"{parts[0]}.{B64("{\"day\":\"2025-03-02\"}")}.{parts[2]}");

        PeerResult result = Peer.Run("node", [Peer.Script("verify_jws.js"), folder.File("pub.pem"), folder.File("jws.txt")]);

        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void JwsMadeByNodeVerifiesWithOurVerifier(bool detached)
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("payload.json"), Payload);
        string[] args = detached ? [Peer.Script("make_jws.js"), folder.File("payload.json"), "detached"] : [Peer.Script("make_jws.js"), folder.File("payload.json")];
        using JsonDocument node = JsonDocument.Parse(Peer.RunOk("node", args));
        string jws = node.RootElement.GetProperty("jws").GetString()!;
        using ECDsa publicKey = EcKeyFormats.ImportPublicPem(node.RootElement.GetProperty("publicKeyPem").GetString()!);
        var keys = new Dictionary<string, ECDsa> { [EcKeyFormats.KeyId(publicKey)] = publicKey };

        JwsVerificationResult result = detached ? JwsVerifier.VerifyDetached(jws, Payload, kid => keys.GetValueOrDefault(kid)) : JwsVerifier.Verify(jws, keys);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(node.RootElement.GetProperty("kid").GetString(), EcKeyFormats.KeyId(publicKey));
        Assert.Equal("test+jws", result.Type);
        Assert.Equal(Payload, result.Payload);
    }

    [Fact]
    public void OurSignatureVerifiesWithOpenSslAfterConversionToDer()
    {
        using var folder = new TempFolder();
        using SigningKey key = SigningKey.Generate();
        string[] parts = JwsSigner.Sign(Payload, key).Split('.');
        File.WriteAllText(folder.File("pub.pem"), key.ExportPublicPem());
        File.WriteAllText(folder.File("input.txt"), parts[0] + "." + parts[1]);
        File.WriteAllText(folder.File("tampered.txt"), parts[0] + "." + parts[1] + "x");
        File.WriteAllBytes(folder.File("sig.der"), RawToDer(EvidenceEncoding.FromBase64Url(parts[2])));

        PeerResult good = Peer.Run("openssl", ["dgst", "-sha256", "-verify", folder.File("pub.pem"), "-signature", folder.File("sig.der"), folder.File("input.txt")]);
        PeerResult bad = Peer.Run("openssl", ["dgst", "-sha256", "-verify", folder.File("pub.pem"), "-signature", folder.File("sig.der"), folder.File("tampered.txt")]);

        Assert.True(good.ExitCode == 0, good.StandardOutput + good.StandardError);
        Assert.Contains("Verified OK", good.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, bad.ExitCode);
    }

    [Fact]
    public void OpenSslReadsOurPublicKeyAsAP256Key()
    {
        using var folder = new TempFolder();
        using SigningKey key = SigningKey.Generate();
        File.WriteAllText(folder.File("pub.pem"), key.ExportPublicPem());

        string text = Peer.RunOk("openssl", ["pkey", "-pubin", "-in", folder.File("pub.pem"), "-noout", "-text"]);

        Assert.Contains("prime256v1", text, StringComparison.Ordinal);
    }

    /// <summary>R||S (RFC 7518 §3.4) to the DER SEQUENCE { INTEGER r, INTEGER s } that OpenSSL expects, written by hand.</summary>
    private static byte[] RawToDer(byte[] raw)
    {
        static byte[] Integer(ReadOnlySpan<byte> value)
        {
            int start = 0;
            while (start < value.Length - 1 && value[start] == 0)
            {
                start++;
            }

            byte[] magnitude = value[start..].ToArray();
            byte[] content = (magnitude[0] & 0x80) != 0 ? [0x00, .. magnitude] : magnitude;
            return [0x02, (byte)content.Length, .. content];
        }

        byte[] body = [.. Integer(raw.AsSpan(0, 32)), .. Integer(raw.AsSpan(32, 32))];
        return [0x30, (byte)body.Length, .. body];
    }
}
