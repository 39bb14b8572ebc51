using System.Net;
using System.Net.Sockets;

namespace EdgeAgent.OpcUa.Tests;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a real server: client-to-server bytes pass unchanged, and a subclass decides
/// what happens to the server-to-client stream. Each accepted connection gets its own upstream connection; closing
/// either side closes both.
/// </summary>
public abstract class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];

    protected TcpProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Starts accepting; call at the end of the subclass's constructor.</summary>
    protected void Start()
    {
        _listener.Start();
        _tasks.Add(AcceptAsync());
    }

    /// <summary>Copies (or mangles) the server's bytes to the client until either side ends or the proxy stops.</summary>
    protected abstract Task ServerToClientAsync(NetworkStream server, NetworkStream client, Action closeBoth, CancellationToken cancellationToken);

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
                void CloseBoth()
                {
                    client.Close();
                    upstream.Close();
                }

                lock (_tasks)
                {
                    _tasks.Add(GuardAsync(() => client.GetStream().CopyToAsync(upstream.GetStream(), _stop.Token), CloseBoth));
                    _tasks.Add(GuardAsync(() => ServerToClientAsync(upstream.GetStream(), client.GetStream(), CloseBoth, _stop.Token), CloseBoth));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private static async Task GuardAsync(Func<Task> pump, Action closeBoth)
    {
        try
        {
            await pump();
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or EndOfStreamException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            closeBoth();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] tasks;
        lock (_tasks)
        {
            tasks = [.. _tasks];
        }

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
