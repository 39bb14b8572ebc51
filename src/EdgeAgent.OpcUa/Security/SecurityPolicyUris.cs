namespace EdgeAgent.OpcUa.Security;

/// <summary>The security policy URIs of Part 7.</summary>
public static class SecurityPolicyUris
{
    public const string None = "http://opcfoundation.org/UA/SecurityPolicy#None";
    public const string Basic128Rsa15 = "http://opcfoundation.org/UA/SecurityPolicy#Basic128Rsa15";
    public const string Basic256 = "http://opcfoundation.org/UA/SecurityPolicy#Basic256";
    public const string Basic256Sha256 = "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256";
    public const string Aes128Sha256RsaOaep = "http://opcfoundation.org/UA/SecurityPolicy#Aes128_Sha256_RsaOaep";
    public const string Aes256Sha256RsaPss = "http://opcfoundation.org/UA/SecurityPolicy#Aes256_Sha256_RsaPss";
}
