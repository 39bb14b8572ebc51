using System.Net.Sockets;

namespace EdgeAgent.OpcUa.Tests;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a real server that corrupts the server-to-client stream once, at a chosen
/// byte offset: flips a byte, inserts garbage, or cuts the connection.
/// </summary>
public sealed class MutatingProxy : TcpProxy
{
    private readonly Random _random;
    private readonly long _mutateAt;
    private readonly int _mode;

    public MutatingProxy(int upstreamPort, int seed)
        : base(upstreamPort)
    {
        _random = new Random(seed);
        _mutateAt = _random.Next(0, 4000);
        _mode = _random.Next(4);
        Start();
    }

    protected override async Task ServerToClientAsync(NetworkStream server, NetworkStream client, Action closeBoth, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        long position = 0;
        var done = false;
        while (true)
        {
            var read = await server.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            if (!done && position + read > _mutateAt)
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
                        await client.WriteAsync(buffer.AsMemory(0, at), cancellationToken);
                        await client.WriteAsync(garbage, cancellationToken);
                        await client.WriteAsync(buffer.AsMemory(at, read - at), cancellationToken);
                        position += read;
                        continue;
                    case 2:
                        await client.WriteAsync(buffer.AsMemory(0, at), cancellationToken);
                        closeBoth();
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

            await client.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            position += read;
        }
    }
}
