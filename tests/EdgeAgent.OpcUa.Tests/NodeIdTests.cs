namespace EdgeAgent.OpcUa.Tests;

public sealed class NodeIdTests
{
    [Theory]
    [InlineData("i=85")]
    [InlineData("ns=2;s=Machine1.Counter")]
    [InlineData("ns=1;g=72962b91-fa75-4ae6-8d28-b404dc7daf63")]
    [InlineData("ns=3;b=q80=")]
    [InlineData("ns=2;s=a;s=b")]
    public void NodeIdTextRoundTrips(string text)
    {
        Assert.Equal(text, NodeId.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("x=1")]
    [InlineData("ns=;i=1")]
    [InlineData("ns=70000;i=1")]
    [InlineData("i=-1")]
    [InlineData("g=not-a-guid")]
    public void MalformedNodeIdTextIsRefused(string text)
    {
        Assert.False(NodeId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => NodeId.Parse(text.Length == 0 ? "?" : text));
    }

    [Fact]
    public void ExpandedNodeIdNamesItsNamespaceByUri()
    {
        var id = ExpandedNodeId.Parse("nsu=urn:edgeagent:test;s=Machine1.Counter");
        Assert.Equal("urn:edgeagent:test", id.NamespaceUri);
        Assert.Equal(IdType.String, id.NodeId.IdType);
        Assert.Equal("nsu=urn:edgeagent:test;s=Machine1.Counter", id.ToString());

        var http = ExpandedNodeId.Parse("svr=1;nsu=http://vendor.example/UA/;i=6001");
        Assert.Equal("http://vendor.example/UA/", http.NamespaceUri);
        Assert.Equal(1u, http.ServerIndex);
        Assert.Equal(6001u, http.NodeId.NumericId);

        var local = ExpandedNodeId.Parse("ns=2;i=5");
        Assert.Null(local.NamespaceUri);
        Assert.Equal(new NodeId(5u, 2), local.NodeId);

        Assert.False(ExpandedNodeId.TryParse("nsu=urn:x", out _));
        Assert.False(ExpandedNodeId.TryParse("nsu=;s=x", out _));
    }

    [Fact]
    public void OpaqueNodeIdsCompareByContent()
    {
        Assert.Equal(new NodeId([1, 2, 3], 1), new NodeId([1, 2, 3], 1));
        Assert.NotEqual(new NodeId([1, 2, 3], 1), new NodeId([1, 2, 4], 1));
        Assert.Equal(new NodeId([1, 2, 3], 1).GetHashCode(), new NodeId([1, 2, 3], 1).GetHashCode());
    }

    [Fact]
    public void StatusCodesReportTheirSymbolicNames()
    {
        Assert.Equal("BadTooManySessions", new StatusCode(StatusCodes.BadTooManySessions).Name);
        Assert.Equal("BadUserAccessDenied", new StatusCode(StatusCodes.BadUserAccessDenied).ToString());
        Assert.Equal("BadTimeout", new StatusCode(StatusCodes.BadTimeout | 0x0400).Name);
        Assert.True(new StatusCode(StatusCodes.UncertainLastUsableValue).IsUncertain);
        Assert.Equal("0x8FFF0000", new StatusCode(0x8FFF0000).Name);
        Assert.Contains("BadIdentityTokenRejected", new ServiceResultException(StatusCodes.BadIdentityTokenRejected, "ActivateSession").Message, StringComparison.Ordinal);
    }
}
