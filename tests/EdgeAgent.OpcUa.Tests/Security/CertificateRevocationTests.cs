using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeAgent.OpcUa.Pki;

namespace EdgeAgent.OpcUa.Tests.SecurityTests;

/// <summary>
/// Revocation lists in trusted/crl and issuers/crl: a CA-issued server certificate (or a CA above it) that its issuer
/// revoked is refused. The CRLs come from .NET's CertificateRevocationListBuilder and from `openssl ca -gencrl`, two
/// implementations other than our parser.
/// </summary>
public sealed class CertificateRevocationTests : IDisposable
{
    private const string Endpoint = "opc.tcp://plc7.plant.local:4840";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly TempPki _pki = new();

    [Fact]
    public void ParsesListsFromDotNetAndOpenSslAndChecksWhoSignedThem()
    {
        using var ca = Ca("CN=Plant CA");
        using var impostor = Ca("CN=Plant CA");
        using var server = Issue(ca, "CN=PLC 7", [0x01, 0x02, 0x03, 0x04]);
        using var other = Issue(ca, "CN=PLC 8", [0x05, 0x06]);

        var dotnet = CertificateRevocationList.Parse(DotNetCrl(ca, server));
        var openssl = CertificateRevocationList.Parse(OpenSslCrl(ca, server));

        foreach (var list in new[] { dotnet, openssl })
        {
            Assert.True(list.IsSignedBy(ca));
            Assert.False(list.IsSignedBy(impostor), "same name, other key");
            Assert.True(list.Revokes(server));
            Assert.False(list.Revokes(other));
            Assert.Equal(1, list.Count);
            Assert.Equal(ca.SubjectName.Name, list.Issuer.Name);
            Assert.True(list.NextUpdate > Now);
        }

        Assert.Throws<CryptographicException>(() => CertificateRevocationList.Parse([0x30, 0x03, 0x02, 0x01, 0x01]));
        Assert.Throws<CryptographicException>(() => CertificateRevocationList.Parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"u8.ToArray()));
    }

    [Fact]
    public void ARevokedServerCertificateIsRefusedAndAnUnrevokedOneAccepted()
    {
        using var ca = Ca("CN=Plant CA");
        using var server = Issue(ca, "CN=PLC 7", [0x01, 0x02, 0x03, 0x04]);
        using var other = Issue(ca, "CN=PLC 7b", [0x09]);
        TrustCa(ca);
        var validator = new ServerCertificateValidator(_pki.Store);
        validator.Validate(server.RawData, Endpoint, trustOnFirstUse: false);

        File.WriteAllBytes(Path.Combine(_pki.Store.RevocationListFolders[0], "plant-ca.crl"), OpenSslCrl(ca, server));

        var refused = Assert.Throws<OpcUaException>(() => validator.Validate(server.RawData, Endpoint, trustOnFirstUse: false));
        Assert.Equal(StatusCodes.BadCertificateRevoked, refused.StatusCode.Code);
        Assert.Contains("revoked by its issuer CN=Plant CA", refused.Message, StringComparison.Ordinal);
        Assert.True(_pki.Store.IsRejected(server));
        validator.Validate(other.RawData, Endpoint, trustOnFirstUse: false);
    }

    [Fact]
    public void AListSignedByAnotherKeyIsIgnoredAndAnUnreadableFileSkipped()
    {
        using var ca = Ca("CN=Plant CA");
        using var impostor = Ca("CN=Plant CA");
        using var server = Issue(ca, "CN=PLC 7", [0x01, 0x02, 0x03, 0x04]);
        TrustCa(ca);
        File.WriteAllBytes(Path.Combine(_pki.Store.RevocationListFolders[0], "forged.crl"), DotNetCrl(impostor, server));
        File.WriteAllText(Path.Combine(_pki.Store.RevocationListFolders[1], "broken.crl"), "not a CRL");

        new ServerCertificateValidator(_pki.Store).Validate(server.RawData, Endpoint, trustOnFirstUse: false);
    }

    [Fact]
    public void ACertificateUnderARevokedIntermediateIsRefusedWithIssuerRevoked()
    {
        using var root = Ca("CN=Group Root CA");
        using var intermediate = Issue(root, "CN=Plant CA", [0x42], isCa: true);
        using var server = Issue(intermediate, "CN=PLC 7", [0x01, 0x02, 0x03, 0x04]);
        TrustCa(root);
        _pki.Store.Add(CertificateLocation.Issuers, X509CertificateLoader.LoadCertificate(intermediate.RawData));
        var validator = new ServerCertificateValidator(_pki.Store);
        validator.Validate(server.RawData, Endpoint, trustOnFirstUse: false);

        File.WriteAllBytes(Path.Combine(_pki.Store.RevocationListFolders[1], "group-root.crl"), DotNetCrl(root, intermediate));

        var refused = Assert.Throws<OpcUaException>(() => validator.Validate(server.RawData, Endpoint, trustOnFirstUse: false));
        Assert.Equal(StatusCodes.BadCertificateIssuerRevoked, refused.StatusCode.Code);
        Assert.Contains("issued under CN=Plant CA", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The store's folders, with <paramref name="ca"/> in trusted/.</summary>
    private void TrustCa(X509Certificate2 ca)
    {
        _pki.Store.EnsureLayout();
        _pki.Store.Add(CertificateLocation.Trusted, X509CertificateLoader.LoadCertificate(ca.RawData));
    }

    private static X509Certificate2 Ca(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(Now.AddDays(-2), Now.AddYears(5));
    }

    private static X509Certificate2 Issue(X509Certificate2 issuer, string name, byte[] serial, bool isCa = false)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (isCa)
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        }
        else
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("plc7.plant.local");
            request.CertificateExtensions.Add(names.Build());
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var issued = request.Create(issuer, Now.AddDays(-1), Now.AddYears(1), serial);
        return isCa ? issued.CopyWithPrivateKey(key) : X509CertificateLoader.LoadCertificate(issued.RawData);
    }

    private static byte[] DotNetCrl(X509Certificate2 issuer, X509Certificate2 revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        builder.AddEntry(revoked, Now.AddHours(-1));
        return builder.Build(issuer, BigInteger.One, Now.AddDays(30), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, Now.AddMinutes(-5));
    }

    /// <summary>`openssl ca -gencrl` over a one-line database naming <paramref name="revoked"/> as revoked, in PEM.</summary>
    private byte[] OpenSslCrl(X509Certificate2 issuer, X509Certificate2 revoked)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_pki.Root, "openssl-ca")).FullName;
        using (var key = issuer.GetRSAPrivateKey()!)
        {
            File.WriteAllText(Path.Combine(folder, "ca.key"), key.ExportPkcs8PrivateKeyPem());
        }

        File.WriteAllText(Path.Combine(folder, "ca.crt"), issuer.ExportCertificatePem());
        var stamp = (DateTimeOffset t) => t.UtcDateTime.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
        File.WriteAllText(Path.Combine(folder, "index.txt"), $"R\t{stamp(revoked.NotAfter)}\t{stamp(Now.AddHours(-1))}\t{revoked.SerialNumber}\tunknown\t/CN=PLC\n");
        File.WriteAllText(Path.Combine(folder, "crlnumber"), "01\n");
        File.WriteAllText(Path.Combine(folder, "ca.cnf"), """
            [ ca ]
            default_ca = plant
            [ plant ]
            database = index.txt
            crlnumber = crlnumber
            default_md = sha256
            default_crl_days = 30
            """);
        using var process = Process.Start(new ProcessStartInfo("openssl", ["ca", "-gencrl", "-config", "ca.cnf", "-keyfile", "ca.key", "-cert", "ca.crt", "-out", "crl.pem", "-batch"])
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "openssl ca -gencrl: " + error);
        return File.ReadAllBytes(Path.Combine(folder, "crl.pem"));
    }

    public void Dispose() => _pki.Dispose();
}
