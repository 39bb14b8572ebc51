using System.CommandLine;
using System.Globalization;
using EdgeAgent.OpcUa.Pki;

namespace EdgeAgent.Cli;

/// <summary>
/// <c>edgeagent opcua trust THUMBPRINT | certs [--config PATH] [--data DIR]</c>: the OPC UA certificate store under
/// <c>DATA/pki</c>. A server certificate the agent has not seen before is refused and saved to rejected/; the log
/// names the exact <c>trust</c> command that moves it to trusted/ (the next connection attempt then succeeds).
/// </summary>
internal static class OpcUaCommand
{
    public static Command Create() => new("opcua", "OPC UA certificates: list them, trust a rejected server certificate")
    {
        TrustCommand(),
        CertsCommand(),
    };

    private static Command TrustCommand()
    {
        var thumbprint = new Argument<string>("THUMBPRINT") { Description = "SHA-1 thumbprint of the rejected certificate (as logged; at least its first 8 hex digits)" };
        var config = CommonOptions.Config(required: false);
        var data = CommonOptions.Data();
        var command = new Command("trust", "Trust a rejected OPC UA server certificate: move it from pki/rejected to pki/trusted")
        {
            thumbprint, config, data,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var store = Store(parse.GetValue(config), parse.GetValue(data), error);
            if (store is null)
            {
                return 2;
            }

            try
            {
                var entry = store.Trust(parse.GetValue(thumbprint)!);
                output.WriteLine($"Trusted {entry.Thumbprint} ({entry.Subject}{(entry.ApplicationUri is null ? string.Empty : ", " + entry.ApplicationUri)}): {entry.Path}");
                output.WriteLine("The agent uses it at its next connection attempt; no restart needed.");
                return 0;
            }
            catch (InvalidOperationException ex)
            {
                error.WriteLine(ex.Message);
                error.WriteLine("'edgeagent opcua certs' lists the rejected certificates.");
                return 1;
            }
            catch (IOException ex)
            {
                error.WriteLine($"cannot move the certificate: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command CertsCommand()
    {
        var config = CommonOptions.Config(required: false);
        var data = CommonOptions.Data();
        var command = new Command("certs", "List the agent's own OPC UA certificate and the trusted and rejected server certificates")
        {
            config, data,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var store = Store(parse.GetValue(config), parse.GetValue(data), parse.InvocationConfiguration.Error);
            if (store is null)
            {
                return 2;
            }

            output.WriteLine($"OPC UA certificates in {store.Root}");
            Section(output, "own (give this certificate to servers that must trust the agent)", store.List(CertificateLocation.Own), "none yet: created at the first secured connection");
            Section(output, "trusted", store.List(CertificateLocation.Trusted), "none");
            var rejected = store.List(CertificateLocation.Rejected);
            Section(output, "rejected", rejected, "none");
            if (rejected.Count > 0)
            {
                output.WriteLine($"Trust one with: edgeagent opcua trust {rejected[0].Thumbprint}");
            }

            return 0;
        });
        return command;
    }

    private static void Section(TextWriter output, string title, IReadOnlyList<CertificateEntry> entries, string empty)
    {
        output.WriteLine();
        output.WriteLine($"{title}:");
        if (entries.Count == 0)
        {
            output.WriteLine($"  {empty}");
            return;
        }

        foreach (var e in entries)
        {
            var uri = e.ApplicationUri is null ? string.Empty : $"  {e.ApplicationUri}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {e.Thumbprint}  {e.Subject}{uri}  valid {e.NotBefore:yyyy-MM-dd}..{e.NotAfter:yyyy-MM-dd}"));
            output.WriteLine($"    {e.Path}");
        }
    }

    private static CertificateStore? Store(FileInfo? config, DirectoryInfo? data, TextWriter error)
    {
        var folder = DataFolder.Resolve(config, data, error);
        return folder is null ? null : CertificateStore.ForDataFolder(folder);
    }
}
