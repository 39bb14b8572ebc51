using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeAgent.OpcUa.Pki;

/// <summary>
/// An X.509 certificate revocation list (RFC 5280 §5), read from DER or PEM: its issuer, update times, the serial
/// numbers it revokes, and whether an issuer's key really signed it. Only what revocation checking needs; CRL entry
/// and CRL extensions are read past, not interpreted (a delta CRL is treated like a full one).
/// </summary>
public sealed class CertificateRevocationList
{
    private readonly byte[] _signedPart;
    private readonly string _signatureAlgorithm;
    private readonly byte[] _signature;
    private readonly HashSet<string> _revoked;

    private CertificateRevocationList(X500DistinguishedName issuer, DateTime thisUpdate, DateTime? nextUpdate, HashSet<string> revoked, byte[] signedPart, string signatureAlgorithm, byte[] signature)
    {
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        _revoked = revoked;
        _signedPart = signedPart;
        _signatureAlgorithm = signatureAlgorithm;
        _signature = signature;
    }

    /// <summary>The CA that issued the list.</summary>
    public X500DistinguishedName Issuer { get; }

    /// <summary>When the list was issued (UTC).</summary>
    public DateTime ThisUpdate { get; }

    /// <summary>When the next list is due (UTC), if the CA said.</summary>
    public DateTime? NextUpdate { get; }

    /// <summary>How many certificates the list revokes.</summary>
    public int Count => _revoked.Count;

    /// <summary>Reads a CRL from DER bytes or PEM text (<c>-----BEGIN X509 CRL-----</c>).</summary>
    /// <exception cref="CryptographicException">The bytes are not a CRL.</exception>
    public static CertificateRevocationList Parse(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var der = data;
        if (data.Length > 0 && data[0] == (byte)'-')
        {
            var text = System.Text.Encoding.ASCII.GetString(data);
            if (!PemEncoding.TryFind(text, out var fields) || text[fields.Label] is not "X509 CRL")
            {
                throw new CryptographicException("The file is PEM but holds no X509 CRL.");
            }

            der = Convert.FromBase64String(text[fields.Base64Data]);
        }

        try
        {
            return Decode(der);
        }
        catch (AsnContentException ex)
        {
            throw new CryptographicException("The file is not a DER-encoded X.509 CRL.", ex);
        }
    }

    private static CertificateRevocationList Decode(byte[] der)
    {
        // CertificateList ::= SEQUENCE { tbsCertList TBSCertList, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var list = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var signedPart = list.PeekEncodedValue().ToArray();
        var tbs = list.ReadSequence();
        var algorithm = list.ReadSequence();
        var signatureAlgorithm = algorithm.ReadObjectIdentifier();
        var signature = list.ReadBitString(out _);
        list.ThrowIfNotEmpty();

        // TBSCertList ::= SEQUENCE { version INTEGER OPTIONAL, signature AlgorithmIdentifier, issuer Name, thisUpdate Time,
        //   nextUpdate Time OPTIONAL, revokedCertificates SEQUENCE OF SEQUENCE { userCertificate INTEGER,
        //   revocationDate Time, crlEntryExtensions Extensions OPTIONAL } OPTIONAL, crlExtensions [0] EXPLICIT OPTIONAL }
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            tbs.ReadInteger();
        }

        tbs.ReadSequence();
        var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
        var thisUpdate = ReadTime(tbs);
        DateTime? nextUpdate = null;
        if (tbs.HasData && (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || tbs.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime)))
        {
            nextUpdate = ReadTime(tbs);
        }

        var revoked = new HashSet<string>(StringComparer.Ordinal);
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                revoked.Add(Convert.ToHexString(entry.ReadIntegerBytes().Span));
            }
        }

        return new CertificateRevocationList(issuer, thisUpdate, nextUpdate, revoked, signedPart, signatureAlgorithm, signature);
    }

    private static DateTime ReadTime(AsnReader reader) =>
        (reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime()).UtcDateTime;

    /// <summary>Whether <paramref name="issuer"/> is the list's issuer by name and its key made the signature.</summary>
    public bool IsSignedBy(X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (!issuer.SubjectName.RawData.AsSpan().SequenceEqual(Issuer.RawData))
        {
            return false;
        }

        var (hash, ecdsa) = _signatureAlgorithm switch
        {
            "1.2.840.113549.1.1.5" => (HashAlgorithmName.SHA1, false),
            "1.2.840.113549.1.1.11" => (HashAlgorithmName.SHA256, false),
            "1.2.840.113549.1.1.12" => (HashAlgorithmName.SHA384, false),
            "1.2.840.113549.1.1.13" => (HashAlgorithmName.SHA512, false),
            "1.2.840.10045.4.3.2" => (HashAlgorithmName.SHA256, true),
            "1.2.840.10045.4.3.3" => (HashAlgorithmName.SHA384, true),
            "1.2.840.10045.4.3.4" => (HashAlgorithmName.SHA512, true),
            _ => (default(HashAlgorithmName), false),
        };
        if (hash.Name is null)
        {
            return false; // an algorithm we cannot check is no proof
        }

        if (ecdsa)
        {
            using var ec = issuer.GetECDsaPublicKey();
            return ec is not null && ec.VerifyData(_signedPart, _signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }

        using var rsa = issuer.GetRSAPublicKey();
        return rsa is not null && rsa.VerifyData(_signedPart, _signature, hash, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Whether the list revokes <paramref name="certificate"/> (by serial number; the caller has matched the issuer).</summary>
    public bool Revokes(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return _revoked.Contains(certificate.SerialNumber);
    }
}
