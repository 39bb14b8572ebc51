using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;

namespace EdgeAgent.Hosting;

/// <summary>
/// Tells systemd (Type=notify) when the agent is ready and when it stops, by writing to $NOTIFY_SOCKET
/// (sd_notify protocol: a datagram "READY=1" on a unix socket; a leading '@' names an abstract socket).
/// Written here because the Hosting.Systemd package is not available to us; it is a few lines.
/// </summary>
public sealed partial class SystemdNotifier : IHostedService
{
    private readonly IHostApplicationLifetime _lifetime;
    private readonly string? _socketPath;
    private CancellationTokenRegistration _started;
    private CancellationTokenRegistration _stopping;

    public SystemdNotifier(IHostApplicationLifetime lifetime)
    {
        _lifetime = lifetime;
        _socketPath = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
    }

    /// <summary>Whether the process runs under systemd with notify support.</summary>
    public bool Enabled => !string.IsNullOrEmpty(_socketPath) && !OperatingSystem.IsWindows();

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Enabled)
        {
            _started = _lifetime.ApplicationStarted.Register(() => Notify("READY=1\nSTATUS=collecting"));
            _stopping = _lifetime.ApplicationStopping.Register(() => Notify("STOPPING=1"));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _started.Dispose();
        _stopping.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Sends one notification; failures are ignored (systemd then times the unit out, which is logged by systemd).</summary>
    public void Notify(string state)
    {
        if (!Enabled)
        {
            return;
        }

        var path = _socketPath!;
        if (path[0] == '@')
        {
            path = "\0" + path[1..];
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(path));
            socket.Send(Encoding.UTF8.GetBytes(state));
        }
        catch (SocketException)
        {
            // Not fatal: the agent works without the notification.
        }
    }
}
