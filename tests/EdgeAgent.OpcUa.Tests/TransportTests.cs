using System.Buffers.Binary;

namespace EdgeAgent.OpcUa.Tests;

/// <summary>The client against a scripted server that sends malformed or hostile transport messages.</summary>
public sealed class TransportTests
{
    private static OpcUaClientOptions Options(string url) => new() { EndpointUrl = url, OperationTimeout = TimeSpan.FromSeconds(3) };

    private static async Task<OpcUaException> ConnectFails(Func<System.Net.Sockets.NetworkStream, Task> script, TimeSpan? timeout = null)
    {
        await using var server = new ScriptedServer(script);
        var started = DateTime.UtcNow;
        var options = Options(server.EndpointUrl) with { OperationTimeout = timeout ?? TimeSpan.FromSeconds(3) };
        var error = await Assert.ThrowsAnyAsync<OpcUaException>(() => OpcUaClient.ConnectAsync(options).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the client hung");
        return error;
    }

    [Fact]
    public async Task ErrInsteadOfAckIsReportedWithItsStatusAndReason()
    {
        var error = await ConnectFails(s => s.WriteAsync(ScriptedServer.Error(StatusCodes.BadTcpServerTooBusy, "busy, try later")).AsTask());
        Assert.Equal(StatusCodes.BadTcpServerTooBusy, error.StatusCode.Code);
        Assert.Contains("busy, try later", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AckWithBuffersBelowTheMinimumIsRefused()
    {
        var error = await ConnectFails(s => s.WriteAsync(ScriptedServer.Acknowledge(receive: 1024)).AsTask());
        Assert.IsType<OpcUaConnectionException>(error);
    }

    [Fact]
    public async Task ChunkLargerThanTheReceiveBufferIsRefusedBeforeReadingIt()
    {
        var error = await ConnectFails(async s =>
        {
            await s.WriteAsync(ScriptedServer.Acknowledge());
            await ScriptedServer.ReadMessageAsync(s);
            var header = new byte[8];
            "OPNF"u8.CopyTo(header);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 1_000_000_000);
            await s.WriteAsync(header);
        });
        Assert.Equal(StatusCodes.BadTcpMessageTooLarge, error.StatusCode.Code);
    }

    [Fact]
    public async Task UnknownMessageTypeIsRefused()
    {
        var error = await ConnectFails(async s =>
        {
            await s.WriteAsync(ScriptedServer.Acknowledge());
            await ScriptedServer.ReadMessageAsync(s);
            var chunk = new byte[16];
            "XYZF"u8.CopyTo(chunk);
            BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), 16);
            await s.WriteAsync(chunk);
        });
        Assert.Equal(StatusCodes.BadTcpMessageTypeInvalid, error.StatusCode.Code);
    }

    [Fact]
    public async Task ServerClosingAfterAckIsReportedAsClosed()
    {
        var error = await ConnectFails(async s =>
        {
            await s.WriteAsync(ScriptedServer.Acknowledge());
            await ScriptedServer.ReadMessageAsync(s);
            s.Close();
        });
        Assert.Equal(StatusCodes.BadConnectionClosed, error.StatusCode.Code);
    }

    [Fact]
    public async Task SilentServerTimesOut()
    {
        var error = await ConnectFails(async s =>
        {
            await s.WriteAsync(ScriptedServer.Acknowledge());
            await Task.Delay(TimeSpan.FromSeconds(6));
        });
        Assert.Equal(StatusCodes.BadTimeout, error.StatusCode.Code);
    }

    [Fact]
    public async Task RandomBytesAfterTheAckNeverCrashOrHangTheClient()
    {
        var random = new Random(7);
        for (var i = 0; i < 15; i++)
        {
            var garbage = new byte[random.Next(1, 300)];
            random.NextBytes(garbage);
            if (i % 3 == 0)
            {
                // A plausible header with a random small size, so the body parsers get exercised too.
                "OPNF"u8.CopyTo(garbage.AsSpan(0, Math.Min(4, garbage.Length)));
                if (garbage.Length >= 8)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(garbage.AsSpan(4), (uint)garbage.Length);
                }
            }

            await ConnectFails(async s =>
            {
                await s.WriteAsync(ScriptedServer.Acknowledge());
                await ScriptedServer.ReadMessageAsync(s);
                await s.WriteAsync(garbage);
                await Task.Delay(TimeSpan.FromSeconds(1.5));
            }, TimeSpan.FromSeconds(1));
        }
    }
}
