using System.CommandLine;
using System.Security.Cryptography;
using EdgeAgent.Evidence;
using EdgeAgent.Evidence.Bundle;

namespace EdgeAgent.Cli;

/// <summary>
/// <c>edgeagent verify FILE [--public-key PEM] [--timings]</c>: exit 0 when the bundle verifies; otherwise exit 1 and one line per
/// problem on stdout (bad signature on day X, broken chain, missing day, digest mismatch on day X, recomputation mismatch …).
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var bundle = new Argument<FileInfo>("FILE") { Description = "Evidence bundle (zip) written by 'edgeagent export'" };
        var publicKey = new Option<FileInfo?>("--public-key")
        {
            Description = "The agent's public key (PEM) as published to the platform; every signature must be this key's",
        };
        var timings = new Option<bool>("--timings")
        {
            Description = "Also print how long each phase of the verification took (to stderr)",
        };
        var command = new Command("verify", "Verify an evidence bundle offline: signatures, Merkle tree, completeness, digests, recomputed indicators")
        {
            bundle, publicKey, timings,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(bundle)!;
            if (!file.Exists)
            {
                error.WriteLine($"no such file: {file.FullName}");
                return 2;
            }

            ECDsa? key = null;
            if (parse.GetValue(publicKey) is { } pem)
            {
                try
                {
                    key = EcKeyFormats.ImportPublicPem(File.ReadAllText(pem.FullName));
                }
                catch (Exception ex) when (ex is IOException or CryptographicException or ArgumentException or UnauthorizedAccessException)
                {
                    error.WriteLine($"--public-key {pem.FullName}: not a readable P-256 public key PEM: {ex.Message}");
                    return 2;
                }
            }

            using (key)
            {
                var result = new BundleVerifier().Verify(file.FullName, key);
                if (parse.GetValue(timings))
                {
                    foreach (var (phase, elapsed) in result.Timings)
                    {
                        error.WriteLine(FormattableString.Invariant($"  {elapsed.TotalSeconds,7:0.000} s  {phase}"));
                    }
                }

                if (result.IsValid)
                {
                    foreach (var note in result.Notes)
                    {
                        output.WriteLine("  " + note);
                    }

                    output.WriteLine($"OK: {file.Name} verifies" + (key is null ? " (against the keys inside it)" : $" (against the given key {EcKeyFormats.KeyId(key)})"));
                    return 0;
                }

                foreach (var problem in result.Problems)
                {
                    output.WriteLine(problem.Message);
                }

                error.WriteLine($"FAILED: {result.Problems.Count} problem(s) in {file.Name}");
                return 1;
            }
        });
        return command;
    }
}
