namespace EdgeAgent.OpcUa;

/// <summary>How messages on a secure channel are protected.</summary>
public enum MessageSecurityMode
{
    Invalid = 0,
    None = 1,
    Sign = 2,
    SignAndEncrypt = 3,
}
