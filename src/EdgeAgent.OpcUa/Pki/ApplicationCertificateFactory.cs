using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeAgent.OpcUa.Pki;

/// <summary>
/// Creates a self-signed application instance certificate as Part 6 §6.2.2 describes: RSA 2048 with SHA-256,
/// subjectAltName URI = application URI and DNS = host name, key usage digitalSignature, nonRepudiation,
/// keyEncipherment, dataEncipherment (plus keyCertSign, which Part 6 asks of self-signed certificates),
/// extended key usage server and client authentication, subject and authority key identifiers.
/// </summary>
internal static class ApplicationCertificateFactory
{
    public const int KeySize = 2048;

    /// <summary>Five years: a gateway runs for years, and every renewal means re-trusting it on each server.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(5 * 365);

    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    public static X509Certificate2 Create(string applicationName, string applicationUri, string hostName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationName);
        ArgumentException.ThrowIfNullOrEmpty(applicationUri);
        ArgumentException.ThrowIfNullOrEmpty(hostName);
        using var rsa = RSA.Create(KeySize);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddDomainComponent(hostName);
        subject.AddCommonName(applicationName);
        var request = new CertificateRequest(subject.Build(), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.KeyEncipherment
            | X509KeyUsageFlags.DataEncipherment | X509KeyUsageFlags.KeyCertSign,
            critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid), new Oid(ClientAuthOid)], critical: false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(new Uri(applicationUri));
        san.AddDnsName(hostName);
        request.CertificateExtensions.Add(san.Build());
        var subjectKeyId = new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false);
        request.CertificateExtensions.Add(subjectKeyId);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(subjectKeyId));

        // Back-date by a day so a server whose clock runs a little behind does not see a "not yet valid" certificate.
        return request.CreateSelfSigned(now.AddDays(-1), now + Lifetime);
    }

    /// <summary>The URI in a certificate's subjectAltName, or null.</summary>
    public static string? ApplicationUriOf(X509Certificate2 certificate)
    {
        foreach (var extension in certificate.Extensions)
        {
            if (extension is not X509SubjectAlternativeNameExtension san)
            {
                continue;
            }

            // .NET exposes DNS names and IP addresses only; read the URI (GeneralName [6]) from the raw value.
            return FindUri(san.RawData);
        }

        return null;
    }

    private static string? FindUri(byte[] raw)
    {
        try
        {
            var reader = new AsnReader(raw, AsnEncodingRules.DER);
            var names = reader.ReadSequence();
            var uriTag = new Asn1Tag(TagClass.ContextSpecific, 6);
            while (names.HasData)
            {
                var tag = names.PeekTag();
                if (tag.HasSameClassAndValue(uriTag))
                {
                    return names.ReadCharacterString(UniversalTagNumber.IA5String, uriTag);
                }

                names.ReadEncodedValue();
            }
        }
        catch (AsnContentException)
        {
        }

        return null;
    }
}
