using System.Runtime.InteropServices;

namespace EdgeAgent.Tests.Support;

/// <summary>Sends a POSIX signal to one process by its id (what systemd and Ctrl+C do; .NET's Process.Kill only sends SIGKILL).</summary>
internal static partial class PosixSignal
{
    public const int Interrupt = 2;
    public const int Terminate = 15;

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
