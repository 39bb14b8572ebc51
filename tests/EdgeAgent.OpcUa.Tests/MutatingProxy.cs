using System.Net;
using System.Net.Sockets;

namespace EdgeAgent.OpcUa.Tests;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a real server that corrupts the server-to-client stream once, at a chosen
/// byte offset: flips a byte, inserts garbage, or cuts the connection.
/// </summary>
public sealed class MutatingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly Random _random;
    private readonly long _mutateAt;
    private readonly int _mode;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];

    public MutatingProxy(int upstreamPort, int seed)
    {
        _upstreamPort = upstreamPort;
        _random = new Random(seed);
        _mutateAt = _random.Next(0, 4000);
        _mode = _random.Next(4);
        _listener.Start();
        _tasks.Add(AcceptAsync());
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
                lock (_tasks)
                {
                    _tasks.Add(PumpAsync(client.GetStream(), upstream.GetStream(), mutate: false, client, upstream));
                    _tasks.Add(PumpAsync(upstream.GetStream(), client.GetStream(), mutate: true, client, upstream));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool mutate, TcpClient a, TcpClient b)
    {
        var buffer = new byte[8192];
        long position = 0;
        var done = false;
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                if (mutate && !done && position + read > _mutateAt)
                {
                    done = true;
                    var at = (int)(_mutateAt - position);
                    switch (_mode)
                    {
                        case 0:
                            buffer[at] ^= (byte)_random.Next(1, 256);
                            break;
                        case 1:
                            var garbage = new byte[_random.Next(1, 64)];
                            _random.NextBytes(garbage);
                            await to.WriteAsync(buffer.AsMemory(0, at), _stop.Token);
                            await to.WriteAsync(garbage, _stop.Token);
                            await to.WriteAsync(buffer.AsMemory(at, read - at), _stop.Token);
                            position += read;
                            continue;
                        case 2:
                            await to.WriteAsync(buffer.AsMemory(0, at), _stop.Token);
                            a.Close();
                            b.Close();
                            return;
                        default:
                            // Overwrite a length-sized field with a huge value.
                            for (var i = at; i < Math.Min(at + 4, read); i++)
                            {
                                buffer[i] = 0x7F;
                            }

                            break;
                    }
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                position += read;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            a.Close();
            b.Close();
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
    }
}
