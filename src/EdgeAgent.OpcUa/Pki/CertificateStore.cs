using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.OpcUa.Pki;

/// <summary>
/// The agent's OPC UA certificates in folders laid out like the OPC Foundation stack's directory stores:
/// <c>own/certs</c> (our certificate, DER) and <c>own/private</c> (its key, PKCS#8 PEM, owner-only),
/// <c>trusted/certs</c>, <c>rejected/certs</c> and <c>issuers/certs</c>. Files are named
/// <c>"&lt;common name&gt; [&lt;SHA-1 thumbprint&gt;].der"</c>. Trusting a server is moving its file from rejected to trusted,
/// which an administrator can also do by hand.
/// </summary>
public sealed class CertificateStore
{
    private static readonly string[] CertificateExtensions = [".der", ".cer", ".crt", ".pem"];
    private readonly ILogger _logger;
    private readonly Lock _ownLock = new();
    private X509Certificate2? _own;

    /// <summary>A store rooted at <paramref name="root"/> (created on first use).</summary>
    public CertificateStore(string root, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The store of an agent data folder: <c>DATA/pki</c>.</summary>
    public static CertificateStore ForDataFolder(string dataFolder, ILogger? logger = null) => new(Path.Combine(dataFolder, "pki"), logger);

    /// <summary>The default application URI of this host: <c>urn:HOSTNAME:EdgeAgent</c>.</summary>
    public static string DefaultApplicationUri => $"urn:{HostName}:EdgeAgent";

    /// <summary>This machine's host name, as put into the certificate.</summary>
    public static string HostName => Dns.GetHostName();

    /// <summary>The root folder.</summary>
    public string Root { get; }

    /// <summary>
    /// The command an operator runs to trust a rejected certificate of this store, with the <c>--data</c> folder
    /// when the store is a data folder's <c>pki</c> (so it can be pasted as is).
    /// </summary>
    public string TrustCommand(string thumbprint)
    {
        var command = $"edgeagent opcua trust {thumbprint}";
        if (!string.Equals(Path.GetFileName(Root), "pki", StringComparison.Ordinal) || Path.GetDirectoryName(Root) is not { } data)
        {
            return command;
        }

        return data.Contains(' ', StringComparison.Ordinal) ? $"{command} --data \"{data}\"" : $"{command} --data {data}";
    }

    /// <summary>The folder holding the certificates of <paramref name="location"/>.</summary>
    public string FolderOf(CertificateLocation location) => location switch
    {
        CertificateLocation.Own => Path.Combine(Root, "own", "certs"),
        CertificateLocation.Trusted => Path.Combine(Root, "trusted", "certs"),
        CertificateLocation.Rejected => Path.Combine(Root, "rejected", "certs"),
        CertificateLocation.Issuers => Path.Combine(Root, "issuers", "certs"),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location, null),
    };

    /// <summary>
    /// The folders holding revocation lists (trusted/crl and issuers/crl, as in the OPC Foundation stack's layout):
    /// the CRLs of the CAs in trusted/ and issuers/.
    /// </summary>
    public IReadOnlyList<string> RevocationListFolders => [Path.Combine(Root, "trusted", "crl"), Path.Combine(Root, "issuers", "crl")];

    /// <summary>Every readable CRL of <see cref="RevocationListFolders"/> (DER or PEM); unreadable files are logged and skipped.</summary>
    public IReadOnlyList<CertificateRevocationList> LoadRevocationLists()
    {
        var lists = new List<CertificateRevocationList>();
        foreach (var folder in RevocationListFolders.Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                try
                {
                    lists.Add(CertificateRevocationList.Parse(File.ReadAllBytes(path)));
                }
                catch (Exception ex) when (ex is CryptographicException or FormatException or IOException)
                {
                    PkiLog.UnreadableRevocationList(_logger, path, ex);
                }
            }
        }

        return lists;
    }

    /// <summary>own/private: the private key of our certificate.</summary>
    public string PrivateKeyFolder => Path.Combine(Root, "own", "private");

    /// <summary>Creates the folders (private key folder owner-only on Unix).</summary>
    public void EnsureLayout()
    {
        foreach (var location in Enum.GetValues<CertificateLocation>())
        {
            Directory.CreateDirectory(FolderOf(location));
        }

        foreach (var folder in RevocationListFolders)
        {
            Directory.CreateDirectory(folder);
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(PrivateKeyFolder);
        }
        else
        {
            Directory.CreateDirectory(PrivateKeyFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>
    /// Our application instance certificate with its private key: the newest valid one in own/ whose URI is
    /// <paramref name="applicationUri"/> (default <see cref="DefaultApplicationUri"/>), created on first use.
    /// The instance caches it; the caller must not dispose it.
    /// </summary>
    public X509Certificate2 GetOrCreateApplicationCertificate(string? applicationUri = null, string applicationName = "EdgeAgent", TimeProvider? time = null)
    {
        applicationUri ??= DefaultApplicationUri;
        var now = (time ?? TimeProvider.System).GetUtcNow();
        lock (_ownLock)
        {
            if (_own is not null && IsUsable(_own, applicationUri, now))
            {
                return _own;
            }

            lock (CreationLock)
            {
                EnsureLayout();
                var loaded = LoadOwn(applicationUri, now);
                if (loaded is null)
                {
                    loaded = ApplicationCertificateFactory.Create(applicationName, applicationUri, HostName, now);
                    SaveOwn(loaded);
                    var folder = FolderOf(CertificateLocation.Own);
                    PkiLog.CertificateCreated(_logger, loaded.Thumbprint, applicationUri, folder);
                }

                _own = loaded;
                return loaded;
            }
        }
    }

    // Several collectors may connect at the first start at once: only one of them creates the certificate.
    private static readonly Lock CreationLock = new();

    private static bool IsUsable(X509Certificate2 certificate, string applicationUri, DateTimeOffset now) =>
        certificate.NotBefore.ToUniversalTime() <= now.UtcDateTime.AddDays(1)
        && certificate.NotAfter.ToUniversalTime() > now.UtcDateTime
        && string.Equals(ApplicationCertificateFactory.ApplicationUriOf(certificate), applicationUri, StringComparison.Ordinal);

    private X509Certificate2? LoadOwn(string applicationUri, DateTimeOffset now)
    {
        X509Certificate2? best = null;
        foreach (var (path, certificate) in ReadFolder(CertificateLocation.Own))
        {
            var keyPath = Path.Combine(PrivateKeyFolder, Path.GetFileNameWithoutExtension(path) + ".pem");
            if (!IsUsable(certificate, applicationUri, now) || !File.Exists(keyPath) || (best is not null && best.NotAfter >= certificate.NotAfter))
            {
                certificate.Dispose();
                continue;
            }

            using var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(keyPath));
            var withKey = certificate.CopyWithPrivateKey(rsa);
            certificate.Dispose();
            best?.Dispose();
            best = withKey;
        }

        return best;
    }

    private void SaveOwn(X509Certificate2 certificate)
    {
        var name = FileNameOf(certificate);
        var keyPath = Path.Combine(PrivateKeyFolder, name + ".pem");
        using (var rsa = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The new certificate has no private key."))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(keyPath, options);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.Write(PemEncoding.Write("PRIVATE KEY", rsa.ExportPkcs8PrivateKey()));
        }

        // The certificate goes last: a certificate file without its key would be skipped at the next start.
        File.WriteAllBytes(Path.Combine(FolderOf(CertificateLocation.Own), name + ".der"), certificate.RawData);
    }

    /// <summary>The certificates in one folder, newest first.</summary>
    public IReadOnlyList<CertificateEntry> List(CertificateLocation location)
    {
        var entries = new List<CertificateEntry>();
        foreach (var (path, certificate) in ReadFolder(location))
        {
            using (certificate)
            {
                entries.Add(EntryOf(location, path, certificate));
            }
        }

        return entries.OrderByDescending(e => e.NotAfter).ToList();
    }

    /// <summary>True when a certificate with this thumbprint is in trusted/.</summary>
    public bool IsTrusted(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Find(CertificateLocation.Trusted, certificate.Thumbprint) is not null;
    }

    /// <summary>True when a certificate with this thumbprint is in rejected/.</summary>
    public bool IsRejected(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Find(CertificateLocation.Rejected, certificate.Thumbprint) is not null;
    }

    /// <summary>Writes a certificate into a folder (DER) unless it is there already; returns its file.</summary>
    public string Add(CertificateLocation location, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        EnsureLayout();
        if (Find(location, certificate.Thumbprint) is { } existing)
        {
            return existing.Path;
        }

        var path = Path.Combine(FolderOf(location), FileNameOf(certificate) + ".der");
        File.WriteAllBytes(path, certificate.RawData);
        return path;
    }

    /// <summary>
    /// Trusts a rejected certificate: moves its file from rejected/ to trusted/. <paramref name="thumbprint"/> is
    /// the SHA-1 thumbprint (case, colons and spaces ignored) or an unambiguous prefix of at least 8 digits.
    /// Returns the trusted entry; trusting an already trusted certificate returns it unchanged.
    /// </summary>
    /// <exception cref="InvalidOperationException">No rejected certificate matches, or several do.</exception>
    public CertificateEntry Trust(string thumbprint)
    {
        var wanted = NormalizeThumbprint(thumbprint);
        if (wanted.Length < 8)
        {
            throw new InvalidOperationException($"'{thumbprint}' is too short: give the SHA-1 thumbprint (40 hex digits) or at least its first 8.");
        }

        if (Find(CertificateLocation.Trusted, wanted) is { } trusted)
        {
            return trusted;
        }

        var matches = List(CertificateLocation.Rejected).Where(e => e.Thumbprint.StartsWith(wanted, StringComparison.Ordinal)).ToList();
        if (matches.Count == 0)
        {
            throw new InvalidOperationException($"No rejected certificate with thumbprint {wanted} in {FolderOf(CertificateLocation.Rejected)}.");
        }

        if (matches.Count > 1)
        {
            throw new InvalidOperationException($"{matches.Count} rejected certificates start with {wanted}; give more digits.");
        }

        EnsureLayout();
        var source = matches[0];
        var target = Path.Combine(FolderOf(CertificateLocation.Trusted), Path.GetFileName(source.Path));
        File.Move(source.Path, target, overwrite: true);
        return source with { Location = CertificateLocation.Trusted, Path = target };
    }

    private string FirstUseFile => Path.Combine(Root, "first-use.txt");

    /// <summary>The thumbprint trusted on first use at <paramref name="endpointUrl"/>, or null.</summary>
    internal string? FirstUseThumbprint(string endpointUrl)
    {
        if (!File.Exists(FirstUseFile))
        {
            return null;
        }

        foreach (var line in File.ReadLines(FirstUseFile))
        {
            var parts = line.Split('\t', 2);
            if (parts.Length == 2 && string.Equals(parts[1], endpointUrl, StringComparison.OrdinalIgnoreCase))
            {
                return parts[0];
            }
        }

        return null;
    }

    /// <summary>Remembers which certificate an endpoint presented when it was trusted on first use.</summary>
    internal void RecordFirstUse(string endpointUrl, string thumbprint)
    {
        lock (CreationLock)
        {
            File.AppendAllText(FirstUseFile, $"{thumbprint}\t{endpointUrl}{Environment.NewLine}");
        }
    }

    /// <summary>The certificates of trusted/ and issuers/, for chain building.</summary>
    internal X509Certificate2Collection Load(CertificateLocation location)
    {
        var collection = new X509Certificate2Collection();
        foreach (var (_, certificate) in ReadFolder(location))
        {
            collection.Add(certificate);
        }

        return collection;
    }

    private CertificateEntry? Find(CertificateLocation location, string thumbprint)
    {
        var wanted = NormalizeThumbprint(thumbprint);
        return List(location).FirstOrDefault(e => string.Equals(e.Thumbprint, wanted, StringComparison.Ordinal));
    }

    private IEnumerable<(string Path, X509Certificate2 Certificate)> ReadFolder(CertificateLocation location)
    {
        var folder = FolderOf(location);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (!CertificateExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadCertificateFromFile(path);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                PkiLog.UnreadableCertificate(_logger, path, ex);
                continue;
            }

            yield return (path, certificate);
        }
    }

    internal static CertificateEntry EntryOf(CertificateLocation location, string path, X509Certificate2 certificate) => new(
        location,
        certificate.Thumbprint,
        certificate.Subject,
        ApplicationCertificateFactory.ApplicationUriOf(certificate),
        certificate.NotBefore.ToUniversalTime(),
        certificate.NotAfter.ToUniversalTime(),
        path);

    /// <summary>Upper-case hex without separators.</summary>
    public static string NormalizeThumbprint(string thumbprint)
    {
        ArgumentNullException.ThrowIfNull(thumbprint);
        var builder = new StringBuilder(thumbprint.Length);
        foreach (var c in thumbprint)
        {
            if (char.IsAsciiHexDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (c is not (':' or ' ' or '-'))
            {
                throw new InvalidOperationException($"'{thumbprint}' is not a hexadecimal thumbprint.");
            }
        }

        return builder.ToString();
    }

    /// <summary>"CN [THUMBPRINT]" with characters that are unsafe in file names replaced.</summary>
    private static string FileNameOf(X509Certificate2 certificate)
    {
        var commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (string.IsNullOrWhiteSpace(commonName))
        {
            commonName = "certificate";
        }

        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(commonName.Select(c => invalid.Contains(c) || c is '[' or ']' ? '_' : c).ToArray());
        return string.Create(CultureInfo.InvariantCulture, $"{safe} [{certificate.Thumbprint}]");
    }
}
