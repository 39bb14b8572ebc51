using System.Security.AccessControl;
using System.Security.Cryptography;
using System.Security.Principal;
using System.Text;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Evidence.Tests;

public class SigningKeyStoreTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"day":"2025-03-01"}""");

    [Fact]
    public async Task InitCreatesAPkcs8P256KeyAndItsPublicKey()
    {
        using var folder = new TempFolder();
        var store = new SigningKeyStore(folder.Path);

        string kid = await store.InitAsync();

        using SigningKey key = store.LoadCurrent();
        Assert.Equal(kid, key.KeyId);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(Path.Combine(folder.Path, "keys", "signing-key.pem")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "keys", "public", kid + ".pem")));
        Assert.Equal([kid], store.PublicKeys().Keys);
        Assert.Empty(Directory.EnumerateFiles(store.KeysFolder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PrivateKeyFileIsReadableByTheOwnerOnly()
    {
        using var folder = new TempFolder();
        var store = new SigningKeyStore(folder.Path);
        await store.InitAsync();

        if (OperatingSystem.IsWindows())
        {
            FileSecurity security = new FileInfo(store.CurrentKeyPath).GetAccessControl();
            AuthorizationRuleCollection rules = security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier));
            Assert.True(security.AreAccessRulesProtected);
            Assert.Equal(WindowsIdentity.GetCurrent().User, Assert.Single(rules.Cast<FileSystemAccessRule>()).IdentityReference);
        }
        else
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.CurrentKeyPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.KeysFolder));
        }
    }

    [Fact]
    public async Task OpenSslReadsTheStoredKey()
    {
        using var folder = new TempFolder();
        var store = new SigningKeyStore(folder.Path);
        await store.InitAsync();

        string text = Peer.RunOk("openssl", ["pkey", "-in", store.CurrentKeyPath, "-noout", "-text"]);

        Assert.Contains("prime256v1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitRefusesToOverwriteAnExistingKey()
    {
        using var folder = new TempFolder();
        var store = new SigningKeyStore(folder.Path);
        string kid = await store.InitAsync();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitAsync());

        Assert.Contains("refusing to overwrite", ex.Message, StringComparison.Ordinal);
        using SigningKey key = store.LoadCurrent();
        Assert.Equal(kid, key.KeyId);
    }

    [Fact]
    public async Task ConcurrentInitsCreateExactlyOneKey()
    {
        using var folder = new TempFolder();
        var stores = Enumerable.Range(0, 8).Select(_ => new SigningKeyStore(folder.Path)).ToArray();

        Task<string>[] inits = stores.Select(s => Task.Run(() => s.InitAsync())).ToArray();
        try
        {
            await Task.WhenAll(inits);
        }
        catch (InvalidOperationException)
        {
            // Expected for all but one.
        }

        string winner = Assert.Single(inits, t => t.IsCompletedSuccessfully).Result;
        using SigningKey key = stores[0].LoadCurrent();
        Assert.Equal(winner, key.KeyId);
        Assert.Empty(Directory.EnumerateFiles(stores[0].KeysFolder, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal([winner], stores[0].PublicKeys().Keys);
    }

    [Fact]
    public async Task RotationRetiresTheOldKeyAndKeepsItsSignaturesVerifiable()
    {
        using var folder = new TempFolder();
        var logger = new ListLogger<SigningKeyStore>();
        var store = new SigningKeyStore(folder.Path, logger);
        string oldKid = await store.InitAsync();
        string oldJws;
        using (SigningKey old = store.LoadCurrent())
        {
            oldJws = JwsSigner.Sign(Payload, old);
        }

        string newKid = await store.RotateAsync();
        string newJws;
        using (SigningKey current = store.LoadCurrent())
        {
            Assert.Equal(newKid, current.KeyId);
            newJws = JwsSigner.Sign(Payload, current);
        }

        Assert.NotEqual(oldKid, newKid);
        string retired = Path.Combine(store.RetiredFolder, oldKid + ".pem");
        using (SigningKey retiredKey = SigningKey.FromPkcs8Pem(File.ReadAllText(retired)))
        {
            Assert.Equal(oldKid, retiredKey.KeyId);
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(retired));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.CurrentKeyPath));
        }

        IReadOnlyDictionary<string, ECDsa> keys = store.PublicKeys();
        Assert.Equal(new[] { newKid, oldKid }.Order(StringComparer.Ordinal), keys.Keys.Order(StringComparer.Ordinal));
        Assert.True(JwsVerifier.Verify(oldJws, keys).IsValid);
        Assert.True(JwsVerifier.Verify(newJws, keys).IsValid);
        Assert.Contains(logger.Entries, e => e.Id.Id == 5001 && e.Message.Contains(oldKid, StringComparison.Ordinal));
        foreach (ECDsa key in keys.Values)
        {
            key.Dispose();
        }
    }

    [Fact]
    public async Task RepeatedRotationsKeepEveryPublicKey()
    {
        using var folder = new TempFolder();
        var store = new SigningKeyStore(folder.Path);
        var kids = new List<string> { await store.InitAsync() };
        var tokens = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            using (SigningKey key = store.LoadCurrent())
            {
                tokens.Add(JwsSigner.Sign(Payload, key));
            }

            kids.Add(await store.RotateAsync());
        }

        IReadOnlyDictionary<string, ECDsa> keys = store.PublicKeys();
        Assert.Equal(kids.Order(StringComparer.Ordinal), keys.Keys.Order(StringComparer.Ordinal));
        Assert.All(tokens, t => Assert.True(JwsVerifier.Verify(t, keys).IsValid));
        Assert.Equal(3, Directory.GetFiles(store.RetiredFolder, "*.pem").Length);
    }

    [Fact]
    public async Task RotateAndLoadWithoutAKeySayHowToCreateOne()
    {
        using var folder = new TempFolder();
        var store = new SigningKeyStore(folder.Path);

        var load = Assert.Throws<InvalidOperationException>(store.LoadCurrent);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RotateAsync());

        Assert.Contains("keys init", load.Message, StringComparison.Ordinal);
        Assert.Empty(store.PublicKeys());
    }

    [Fact]
    public async Task PublicKeyFileWhoseNameIsNotItsKidIsLeftOutAndLogged()
    {
        using var folder = new TempFolder();
        var logger = new ListLogger<SigningKeyStore>();
        var store = new SigningKeyStore(folder.Path, logger);
        string kid = await store.InitAsync();
        using SigningKey stranger = SigningKey.Generate();
        File.WriteAllText(Path.Combine(store.PublicFolder, kid.Replace('A', 'B') + "x.pem"), stranger.ExportPublicPem());
        File.WriteAllText(Path.Combine(store.PublicFolder, "garbage.pem"), "not a key");

        IReadOnlyDictionary<string, ECDsa> keys = store.PublicKeys();

        Assert.Equal([kid], keys.Keys);
        Assert.Contains(logger.Entries, e => e.Id.Id == 5002 && e.Level == LogLevel.Warning);
        Assert.Contains(logger.Entries, e => e.Id.Id == 5004 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task LoadingAKeyFileOthersCanReadIsLoggedAsAWarning()
    {
        using var folder = new TempFolder();
        var logger = new ListLogger<SigningKeyStore>();
        var store = new SigningKeyStore(folder.Path, logger);
        await store.InitAsync();
        if (OperatingSystem.IsWindows())
        {
            // Windows keeps the owner-only ACL; there is no mode to loosen.
            using SigningKey loaded = store.LoadCurrent();
            Assert.DoesNotContain(logger.Entries, e => e.Id.Id == 5003);
            return;
        }

        File.SetUnixFileMode(store.CurrentKeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using SigningKey key = store.LoadCurrent();

        Assert.Contains(logger.Entries, e => e.Id.Id == 5003 && e.Message.Contains("644", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoredKeySignsTokensThatNodeVerifies()
    {
        using var folder = new TempFolder();
        var store = new SigningKeyStore(folder.Path);
        string kid = await store.InitAsync();
        using SigningKey key = store.LoadCurrent();
        File.WriteAllText(folder.File("jws.txt"), JwsSigner.Sign(Payload, key));

        string output = Peer.RunOk("node", [Peer.Script("verify_jws.js"), Path.Combine(store.PublicFolder, kid + ".pem"), folder.File("jws.txt")]);

        Assert.Contains($"\"thumbprint\":\"{kid}\"", output, StringComparison.Ordinal);
    }
}
