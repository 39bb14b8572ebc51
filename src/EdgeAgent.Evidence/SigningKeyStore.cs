using System.Security.AccessControl;
using System.Security.Cryptography;
using System.Security.Principal;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Evidence;

/// <summary>
/// The agent's signing keys on disk, under <c>{folder}/keys</c>:
/// <c>signing-key.pem</c> (current private key, PKCS#8, owner-only), <c>public/{kid}.pem</c> (every
/// public key ever used, so old records keep verifying after rotation) and <c>retired/{kid}.pem</c>
/// (private keys replaced by rotation, owner-only).
/// </summary>
public sealed class SigningKeyStore
{
    /// <summary>File name of the current private key inside <see cref="KeysFolder"/>.</summary>
    public const string CurrentKeyFileName = "signing-key.pem";

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PublicFile = OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly ILogger _logger;

    /// <summary>A store rooted at <paramref name="folder"/> (the agent's data folder); nothing is touched until a method is called.</summary>
    public SigningKeyStore(string folder, ILogger<SigningKeyStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The data folder.</summary>
    public string Folder { get; }

    /// <summary><c>{Folder}/keys</c>.</summary>
    public string KeysFolder => Path.Combine(Folder, "keys");

    /// <summary>Path of the current private key.</summary>
    public string CurrentKeyPath => Path.Combine(KeysFolder, CurrentKeyFileName);

    /// <summary><c>{Folder}/keys/public</c>: one <c>{kid}.pem</c> per key ever used.</summary>
    public string PublicFolder => Path.Combine(KeysFolder, "public");

    /// <summary><c>{Folder}/keys/retired</c>: private keys replaced by rotation.</summary>
    public string RetiredFolder => Path.Combine(KeysFolder, "retired");

    /// <summary>True when a current signing key exists.</summary>
    public bool HasCurrentKey => File.Exists(CurrentKeyPath);

    /// <summary>
    /// Creates the first signing key (P-256) and returns its kid. Refuses to replace an existing key:
    /// that would orphan every record signed with it; use <see cref="RotateAsync"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A signing key already exists.</exception>
    public async Task<string> InitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfKeyExists();
        CreateFolders();

        // Every init takes an exclusive lock on keys/.init.lock (flock on Unix, a share-none handle on
        // Windows, so it holds across processes too), then checks again: exactly one of any number of
        // concurrent inits creates the key; the others fail before generating anything.
        using FileStream initLock = await AcquireInitLockAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfKeyExists();

        using SigningKey key = SigningKey.Generate();

        // Public key first: a private key on disk must always have its public half beside it.
        await WritePublicKeyAsync(key, cancellationToken).ConfigureAwait(false);
        string temp = await WriteTempSecretAsync(key.ExportPkcs8Pem(), cancellationToken).ConfigureAwait(false);
        File.Move(temp, CurrentKeyPath, overwrite: false);

        SigningKeyStoreLog.KeyCreated(_logger, key.KeyId, KeysFolder);
        return key.KeyId;
    }

    private void ThrowIfKeyExists()
    {
        if (HasCurrentKey)
        {
            throw new InvalidOperationException($"A signing key already exists at {CurrentKeyPath}; refusing to overwrite it (rotate instead).");
        }
    }

    /// <summary>Opens keys/.init.lock exclusively, waiting (up to 30 s) while another init holds it.</summary>
    private async Task<FileStream> AcquireInitLockAsync(CancellationToken cancellationToken)
    {
        string path = Path.Combine(KeysFolder, ".init.lock");
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return new FileStream(path, options);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Held by another init (this or another process): wait for it to finish.
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Replaces the current key with a new one and returns the new kid. The old private key goes to
    /// <c>retired/{kid}.pem</c>; its public key stays in <c>public/</c> so its signatures still verify.
    /// The current key file is replaced atomically: at no moment is there no current key. Not meant to
    /// run concurrently with another rotation (it is an operator's command).
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no key to rotate.</exception>
    public async Task<string> RotateAsync(CancellationToken cancellationToken = default)
    {
        using SigningKey old = LoadCurrent();
        CreateFolders();
        string oldPem = await File.ReadAllTextAsync(CurrentKeyPath, cancellationToken).ConfigureAwait(false);
        await WritePublicKeyAsync(old, cancellationToken).ConfigureAwait(false);

        using SigningKey next = SigningKey.Generate();
        await WritePublicKeyAsync(next, cancellationToken).ConfigureAwait(false);

        string retiredPath = Path.Combine(RetiredFolder, old.KeyId + ".pem");
        string retiredTemp = await WriteTempSecretAsync(oldPem, cancellationToken).ConfigureAwait(false);
        File.Move(retiredTemp, retiredPath, overwrite: true);

        string temp = await WriteTempSecretAsync(next.ExportPkcs8Pem(), cancellationToken).ConfigureAwait(false);
        File.Move(temp, CurrentKeyPath, overwrite: true);

        SigningKeyStoreLog.KeyRotated(_logger, old.KeyId, next.KeyId);
        return next.KeyId;
    }

    /// <summary>The current signing key (owned by the caller: dispose it).</summary>
    /// <exception cref="InvalidOperationException">No key yet (run <c>edgeagent keys init</c>).</exception>
    /// <exception cref="CryptographicException">The file is not a PKCS#8 P-256 key.</exception>
    public SigningKey LoadCurrent()
    {
        if (!HasCurrentKey)
        {
            throw new InvalidOperationException($"No signing key at {CurrentKeyPath}; create one with 'edgeagent keys init'.");
        }

        if (!OperatingSystem.IsWindows())
        {
            UnixFileMode mode = File.GetUnixFileMode(CurrentKeyPath);
            if ((mode & GroupOrOther) != 0)
            {
                SigningKeyStoreLog.KeyFileTooOpen(_logger, CurrentKeyPath, Convert.ToString((int)mode, 8));
            }
        }

        return SigningKey.FromPkcs8Pem(File.ReadAllText(CurrentKeyPath));
    }

    /// <summary>
    /// Every public key in <c>public/</c> by kid, current and retired (the caller owns and disposes the
    /// keys). A file whose content does not hash to its name is left out and logged.
    /// </summary>
    public IReadOnlyDictionary<string, ECDsa> PublicKeys()
    {
        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        if (!Directory.Exists(PublicFolder))
        {
            return keys;
        }

        foreach (string path in Directory.EnumerateFiles(PublicFolder, "*.pem"))
        {
            ECDsa key;
            try
            {
                key = EcKeyFormats.ImportPublicPem(File.ReadAllText(path));
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or FormatException)
            {
                SigningKeyStoreLog.PublicKeyUnreadable(_logger, path, ex);
                continue;
            }

            string kid = EcKeyFormats.KeyId(key);
            if (!string.Equals(kid, Path.GetFileNameWithoutExtension(path), StringComparison.Ordinal))
            {
                SigningKeyStoreLog.PublicKeyNameMismatch(_logger, path, kid);
                key.Dispose();
                continue;
            }

            keys[kid] = key;
        }

        return keys;
    }

    private void CreateFolders()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(KeysFolder);
            Directory.CreateDirectory(RetiredFolder);
        }
        else
        {
            Directory.CreateDirectory(KeysFolder, OwnerOnlyFolder);
            Directory.CreateDirectory(RetiredFolder, OwnerOnlyFolder);
        }

        Directory.CreateDirectory(PublicFolder);
    }

    private async Task WritePublicKeyAsync(SigningKey key, CancellationToken cancellationToken)
    {
        string path = Path.Combine(PublicFolder, key.KeyId + ".pem");
        if (File.Exists(path))
        {
            return;
        }

        string temp = Path.Combine(PublicFolder, $".{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PublicFile;
        }

        var stream = new FileStream(temp, options);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(key.ExportPublicPem()), cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Writes a secret to a new owner-only temp file in keys/ (same volume, so the final move is an atomic rename).</summary>
    private async Task<string> WriteTempSecretAsync(string pem, CancellationToken cancellationToken)
    {
        string temp = Path.Combine(KeysFolder, $".{Guid.NewGuid():N}.tmp");
        byte[] content = Encoding.ASCII.GetBytes(pem);
        try
        {
            FileStream stream = CreateOwnerOnly(temp);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }

        return temp;
    }

    /// <summary>Creates a file that only the current user can read, with the restriction in place before any byte is written.</summary>
    private static FileStream CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var security = new FileSecurity();
            security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
            SecurityIdentifier user = WindowsIdentity.GetCurrent().User
                ?? throw new InvalidOperationException("Cannot determine the current Windows user for the key file ACL.");
            security.SetOwner(user);
            security.AddAccessRule(new FileSystemAccessRule(user, FileSystemRights.FullControl, AccessControlType.Allow));
            return new FileInfo(path).Create(FileMode.CreateNew, FileSystemRights.Write | FileSystemRights.Read, FileShare.None, 4096, FileOptions.None, security);
        }

        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = OwnerReadWrite,
        });

        // The umask can only narrow UnixCreateMode; set it explicitly anyway so the mode is exactly 0600.
        File.SetUnixFileMode(stream.SafeFileHandle, OwnerReadWrite);
        return stream;
    }
}
