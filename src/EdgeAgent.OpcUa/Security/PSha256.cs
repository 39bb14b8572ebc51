using System.Security.Cryptography;

namespace EdgeAgent.OpcUa.Security;

/// <summary>
/// The P_SHA256 pseudo-random function of RFC 5246 §5 that Part 6 §6.7.5 uses to derive channel keys:
/// A(0) = seed, A(i) = HMAC(secret, A(i-1)), output = HMAC(secret, A(1) + seed) | HMAC(secret, A(2) + seed) | …
/// </summary>
internal static class PSha256
{
    public static byte[] Derive(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> seed, int length)
    {
        var output = new byte[length];
        var a = HMACSHA256.HashData(secret, seed);
        var block = new byte[a.Length + seed.Length];
        seed.CopyTo(block.AsSpan(a.Length));
        var written = 0;
        while (written < length)
        {
            a.CopyTo(block, 0);
            var chunk = HMACSHA256.HashData(secret, block);
            var take = Math.Min(chunk.Length, length - written);
            chunk.AsSpan(0, take).CopyTo(output.AsSpan(written));
            written += take;
            a = HMACSHA256.HashData(secret, a);
        }

        return output;
    }
}
