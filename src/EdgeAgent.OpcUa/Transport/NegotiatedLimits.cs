namespace EdgeAgent.OpcUa.Transport;

/// <summary>The limits in force after Hello/Acknowledge: ours for receiving, the server's for sending. 0 means no limit.</summary>
internal sealed record NegotiatedLimits(int ReceiveBufferSize, int SendBufferSize, int MaxReceiveMessageSize, int MaxReceiveChunkCount, int MaxSendMessageSize, int MaxSendChunkCount);
