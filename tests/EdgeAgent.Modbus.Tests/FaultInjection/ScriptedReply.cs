namespace EdgeAgent.Modbus.Tests.FaultInjection;

/// <summary>What a <see cref="FaultInjectingPeer"/> does with one request.</summary>
/// <param name="Bytes">Bytes to send back (null: send nothing and keep the connection open).</param>
/// <param name="CloseAfter">Close the connection after sending.</param>
internal sealed record ScriptedReply(byte[]? Bytes, bool CloseAfter = false)
{
    public static ScriptedReply Silence { get; } = new(Bytes: null);

    public static ScriptedReply Send(params byte[] bytes) => new(bytes);

    public static ScriptedReply SendAndClose(params byte[] bytes) => new(bytes, true);
}
