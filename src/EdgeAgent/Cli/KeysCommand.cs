using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeAgent.Evidence;

namespace EdgeAgent.Cli;

/// <summary>
/// <c>edgeagent keys init|show|rotate [--config PATH] [--data DIR]</c>: the evidence signing key under <c>DATA/keys</c>
/// (private key owner-only, 0600). <c>show</c> prints the public key as PEM and JWK, for the assessment platform.
/// </summary>
internal static class KeysCommand
{
    public static Command Create() => new("keys", "Create, show or rotate the evidence signing key (ES256, under DATA/keys)")
    {
        Verb("init", "Create the signing key (refuses to replace an existing one)", InitAsync),
        Verb("show", "Print the current public key as PEM and JWK, with its key id", ShowAsync),
        Verb("rotate", "Replace the signing key; the old public key stays so old records keep verifying", RotateAsync),
    };

    private static Command Verb(string name, string description, Func<SigningKeyStore, TextWriter, CancellationToken, Task<int>> action)
    {
        var config = CommonOptions.Config(required: false);
        var data = CommonOptions.Data();
        var command = new Command(name, description) { config, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var folder = DataFolder.Resolve(parse.GetValue(config), parse.GetValue(data), error);
            if (folder is null)
            {
                return 2;
            }

            try
            {
                return await action(new SigningKeyStore(folder), parse.InvocationConfiguration.Output, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return 1;
            }
            catch (CryptographicException ex)
            {
                await error.WriteLineAsync($"the signing key in {folder} is unreadable: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> InitAsync(SigningKeyStore store, TextWriter output, CancellationToken cancellationToken)
    {
        var kid = await store.InitAsync(cancellationToken);
        await output.WriteLineAsync($"Created signing key {kid} in {store.KeysFolder} (private key owner-only; back it up).");
        return await ShowAsync(store, output, cancellationToken);
    }

    private static async Task<int> RotateAsync(SigningKeyStore store, TextWriter output, CancellationToken cancellationToken)
    {
        var kid = await store.RotateAsync(cancellationToken);
        await output.WriteLineAsync($"Rotated: {kid} is the signing key now; publish its public key to the assessment platform.");
        return await ShowAsync(store, output, cancellationToken);
    }

    private static async Task<int> ShowAsync(SigningKeyStore store, TextWriter output, CancellationToken cancellationToken)
    {
        using var key = store.LoadCurrent();
        await output.WriteLineAsync($"kid: {key.KeyId}");
        await output.WriteLineAsync(key.ExportPublicPem().TrimEnd());
        await output.WriteLineAsync(key.ExportPublicJwk().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var others = store.PublicKeys();
        foreach (var (kid, publicKey) in others)
        {
            if (kid != key.KeyId)
            {
                await output.WriteLineAsync($"earlier key (still verifies old records): {kid}");
            }

            publicKey.Dispose();
        }

        return 0;
    }
}
