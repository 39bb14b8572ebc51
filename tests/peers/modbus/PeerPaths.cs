namespace EdgeAgent.TestPeers.Modbus;

/// <summary>Locates tests/peers/modbus from the test binaries, wherever the repository is checked out.</summary>
internal static class PeerPaths
{
    public static string ModbusPeersDirectory { get; } = Find();

    public static string File(string name) => Path.Combine(ModbusPeersDirectory, name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "peers", "modbus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/peers/modbus not found above {AppContext.BaseDirectory}.");
    }
}
