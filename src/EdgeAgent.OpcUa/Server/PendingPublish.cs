namespace EdgeAgent.OpcUa.Server;

/// <summary>A Publish request waiting for something to report (its acknowledgement results go into the answer).</summary>
internal sealed record PendingPublish(ServerConnection Connection, uint RequestId, uint RequestHandle, StatusCode[] AcknowledgementResults);
