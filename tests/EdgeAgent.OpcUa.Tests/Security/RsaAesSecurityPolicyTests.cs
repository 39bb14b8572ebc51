using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeAgent.OpcUa.Security;

// Not "…Tests.Security": that namespace would shadow EdgeAgent.OpcUa.Security for sibling test namespaces.
namespace EdgeAgent.OpcUa.Tests.SecurityTests;

/// <summary>
/// Chunk security between two mirrored policies (each one's local certificate is the other's remote one): what one
/// secures the other must accept, byte for byte, and nothing tampered. node-opcua proves the wire format; these cover
/// what it cannot reach, such as 4096-bit keys with the extra padding byte.
/// </summary>
public sealed class RsaAesSecurityPolicyTests
{
    private const int SecuredOffset = 12 + 57; // message header, channel id and an asymmetric security header
    private static readonly Lazy<X509Certificate2> Key2048 = new(() => Certificate(2048));
    private static readonly Lazy<X509Certificate2> Key4096 = new(() => Certificate(4096));

    public static TheoryData<string, int, int> AsymmetricCases()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var policy in new[] { SecurityPolicyUris.Basic256Sha256, SecurityPolicyUris.Aes128Sha256RsaOaep, SecurityPolicyUris.Aes256Sha256RsaPss })
        {
            data.Add(policy, 2048, 2048);
            data.Add(policy, 2048, 4096);
            data.Add(policy, 4096, 2048);
        }

        return data;
    }

    public static TheoryData<string, MessageSecurityMode> SymmetricCases()
    {
        var data = new TheoryData<string, MessageSecurityMode>();
        foreach (var policy in new[] { SecurityPolicyUris.Basic256Sha256, SecurityPolicyUris.Aes128Sha256RsaOaep, SecurityPolicyUris.Aes256Sha256RsaPss })
        {
            data.Add(policy, MessageSecurityMode.Sign);
            data.Add(policy, MessageSecurityMode.SignAndEncrypt);
        }

        return data;
    }

    [Fact]
    public void PSha256MatchesTheTls12PrfTestVector()
    {
        var secret = Convert.FromHexString("9bbe436ba940f017b17652849a71db35");
        byte[] seed = [.. "test label"u8, .. Convert.FromHexString("a0ba9f936cda311827a6f796ffd5198c")];

        var output = PSha256.Derive(secret, seed, 100);

        Assert.Equal(
            "E3F229BA727BE17B8D122620557CD453C2AAB21D07C3D495329B52D4E61EDB5A6B301791E90D35C9C9A46B4E14BAF9AF0FA022F7077DEF17ABFD3797C0564BAB4FBC91666E9DEF9B97FCE34F796789BAA48082D122EE42C5A72E5A5110FFF70187347B66",
            Convert.ToHexString(output));
    }

    [Theory]
    [MemberData(nameof(AsymmetricCases))]
    public void AsymmetricChunksRoundTripForEveryBodySizeUpToTheMaximum(string policyUri, int clientBits, int serverBits)
    {
        var client = KeyOf(clientBits);
        var server = KeyOf(serverBits);
        using var sender = Policy(policyUri, MessageSecurityMode.Sign, client, server);
        using var receiver = Policy(policyUri, MessageSecurityMode.Sign, server, client);
        var space = 8192 - SecuredOffset;
        var max = sender.GetMaxBodySize(space, asymmetric: true);

        foreach (var bodyLength in new[] { 0, 1, 100, 199, 200, 201, max - 1, max })
        {
            var (chunk, plain) = Secure(sender, bodyLength, space, asymmetric: true);

            Assert.True(chunk.Length <= SecuredOffset + space, $"{chunk.Length} bytes for a {bodyLength}-byte body");
            Assert.Equal(0, (chunk.Length - SecuredOffset) % (serverBits / 8));
            var length = receiver.UnsecureChunk(chunk, SecuredOffset, asymmetric: true, tokenId: 0);
            Assert.Equal(plain, chunk.AsSpan(SecuredOffset, length).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(SymmetricCases))]
    public void SymmetricChunksRoundTripWithMirroredKeys(string policyUri, MessageSecurityMode mode)
    {
        using var client = Policy(policyUri, mode, Key2048.Value, Key4096.Value);
        using var server = Policy(policyUri, mode, Key4096.Value, Key2048.Value);
        Derive(client, server, 7);
        var space = 8192 - 16;
        var max = client.GetMaxBodySize(space, asymmetric: false);

        foreach (var bodyLength in Enumerable.Range(0, 40).Append(max - 1).Append(max))
        {
            var (chunk, plain) = Secure(client, bodyLength, space, asymmetric: false, offset: 16);

            Assert.True(chunk.Length <= 16 + space);
            if (mode == MessageSecurityMode.SignAndEncrypt)
            {
                Assert.Equal(0, (chunk.Length - 16) % 16);
                Assert.False(chunk.AsSpan(16, plain.Length).SequenceEqual(plain), "SignAndEncrypt left the body readable");
            }
            else
            {
                Assert.Equal(plain, chunk.AsSpan(16, plain.Length).ToArray());
            }

            var length = server.UnsecureChunk(chunk, 16, asymmetric: false, tokenId: 7);
            Assert.Equal(plain, chunk.AsSpan(16, length).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(SymmetricCases))]
    public void TamperedChunksFailTheSecurityChecks(string policyUri, MessageSecurityMode mode)
    {
        using var client = Policy(policyUri, mode, Key2048.Value, Key2048.Value);
        using var server = Policy(policyUri, mode, Key2048.Value, Key2048.Value);
        Derive(client, server, 1);
        var (symmetric, _) = Secure(client, 50, 4096, asymmetric: false, offset: 16);
        var (asymmetric, _) = Secure(client, 50, 4096, asymmetric: true);

        foreach (var position in new[] { 5, 20, symmetric.Length - 1 })
        {
            var copy = (byte[])symmetric.Clone();
            copy[position] ^= 0x01;
            var ex = Assert.Throws<OpcUaConnectionException>(() => server.UnsecureChunk(copy, 16, asymmetric: false, tokenId: 1));
            Assert.Equal(StatusCodes.BadSecurityChecksFailed, ex.StatusCode.Code);
        }

        asymmetric[SecuredOffset + 3] ^= 0x01;
        Assert.Equal(
            StatusCodes.BadSecurityChecksFailed,
            Assert.Throws<OpcUaConnectionException>(() => server.UnsecureChunk(asymmetric, SecuredOffset, asymmetric: true, tokenId: 0)).StatusCode.Code);
    }

    [Fact]
    public void ThePreviousTokenStaysValidUntilTheNextRenewal()
    {
        using var client = Policy(SecurityPolicyUris.Basic256Sha256, MessageSecurityMode.SignAndEncrypt, Key2048.Value, Key2048.Value);
        using var server = Policy(SecurityPolicyUris.Basic256Sha256, MessageSecurityMode.SignAndEncrypt, Key2048.Value, Key2048.Value);
        Derive(client, server, 1);
        var (first, plain) = Secure(client, 64, 4096, asymmetric: false, offset: 16);

        Derive(client, server, 2);
        var (second, _) = Secure(client, 64, 4096, asymmetric: false, offset: 16);

        var copy = (byte[])first.Clone();
        Assert.Equal(plain, copy.AsSpan(16, server.UnsecureChunk(copy, 16, false, 1)).ToArray());
        Assert.Throws<OpcUaConnectionException>(() => server.UnsecureChunk((byte[])second.Clone(), 16, false, 1));
        server.UnsecureChunk(second, 16, false, 2);

        Derive(client, server, 3);
        var gone = Assert.Throws<OpcUaConnectionException>(() => server.UnsecureChunk(first, 16, false, 1));
        Assert.Equal(StatusCodes.BadSecureChannelTokenUnknown, gone.StatusCode.Code);
    }

    [Fact]
    public void RefusesNoncesOfTheWrongLengthAndKeysBelow2048Bits()
    {
        using var policy = Policy(SecurityPolicyUris.Basic256Sha256, MessageSecurityMode.Sign, Key2048.Value, Key2048.Value);
        var nonce = Assert.Throws<OpcUaConnectionException>(() => policy.DeriveKeys(1, new byte[32], new byte[16]));
        Assert.Equal(StatusCodes.BadNonceInvalid, nonce.StatusCode.Code);

        using var small = Certificate(1024);
        var weak = Assert.Throws<OpcUaException>(() => Policy(SecurityPolicyUris.Basic256Sha256, MessageSecurityMode.Sign, Key2048.Value, small));
        Assert.Equal(StatusCodes.BadCertificatePolicyCheckFailed, weak.StatusCode.Code);
    }

    private static (byte[] Chunk, byte[] Plain) Secure(RsaAesSecurityPolicy policy, int bodyLength, int space, bool asymmetric, int offset = SecuredOffset)
    {
        var buffer = new byte[offset + space];
        RandomNumberGenerator.Fill(buffer.AsSpan(0, offset));
        var plain = RandomNumberGenerator.GetBytes(8 + bodyLength);
        plain.CopyTo(buffer, offset);
        var length = policy.SecureChunk(buffer, offset, plain.Length, asymmetric);
        Assert.Equal(length, BitConverter.ToInt32(buffer, 4));
        return (buffer[..length], plain);
    }

    private static void Derive(RsaAesSecurityPolicy client, RsaAesSecurityPolicy server, uint tokenId)
    {
        var clientNonce = RandomNumberGenerator.GetBytes(32);
        var serverNonce = RandomNumberGenerator.GetBytes(32);
        client.DeriveKeys(tokenId, clientNonce, serverNonce);

        // The mirror's "client" keys must be the client's "server" keys and vice versa: swap the nonces.
        server.DeriveKeys(tokenId, serverNonce, clientNonce);
    }

    private static RsaAesSecurityPolicy Policy(string uri, MessageSecurityMode mode, X509Certificate2 local, X509Certificate2 remote) =>
        new(SecurityAlgorithms.For(uri)!, mode, local, remote.RawData);

    private static X509Certificate2 KeyOf(int bits) => bits == 4096 ? Key4096.Value : Key2048.Value;

    private static X509Certificate2 Certificate(int bits)
    {
        using var rsa = RSA.Create(bits);
        var request = new CertificateRequest($"CN=test {bits}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
