using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace EdgeAgent.OpcUa.Security;

/// <summary>The certificate thumbprint OPC UA uses everywhere (asymmetric header, trust lists): SHA-1 of the DER.</summary>
internal static class CertificateThumbprint
{
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "Part 6 §6.7.2.3 defines the receiver thumbprint as SHA-1; it identifies, it does not protect.")]
    public static byte[] Sha1(ReadOnlySpan<byte> der) => SHA1.HashData(der);
}
