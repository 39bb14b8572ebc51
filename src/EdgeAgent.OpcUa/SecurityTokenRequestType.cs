namespace EdgeAgent.OpcUa;

/// <summary>Whether OpenSecureChannel issues a new token or renews one.</summary>
public enum SecurityTokenRequestType
{
    Issue = 0,
    Renew = 1,
}
