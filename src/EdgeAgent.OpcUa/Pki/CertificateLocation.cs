namespace EdgeAgent.OpcUa.Pki;

/// <summary>The folders of a <see cref="CertificateStore"/>, laid out like the OPC Foundation stack's directory stores.</summary>
public enum CertificateLocation
{
    /// <summary>own/certs: our application instance certificate (its private key is in own/private).</summary>
    Own,

    /// <summary>trusted/certs: server (or CA) certificates we accept.</summary>
    Trusted,

    /// <summary>rejected/certs: certificates servers presented that nobody has trusted yet.</summary>
    Rejected,

    /// <summary>issuers/certs: CA certificates used to build chains but not trusted by themselves.</summary>
    Issuers,
}
