using System.IO.Compression;

namespace EdgeAgent.Evidence.Tests;

/// <summary>Tampers with a bundle the way an attacker with a zip tool would.</summary>
internal static class ZipEdit
{
    public static byte[] Read(string zipPath, string name)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static IReadOnlyList<string> Names(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    public static void Write(string zipPath, string name, byte[] content)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        zip.GetEntry(name)?.Delete();
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }

    public static void Delete(string zipPath, string name)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        zip.GetEntry(name)!.Delete();
    }

    public static void Edit(string zipPath, string name, Func<byte[], byte[]> change) => Write(zipPath, name, change(Read(zipPath, name)));
}
