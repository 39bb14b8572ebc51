namespace EdgeAgent.OpcUa;

/// <summary>The kind of user identity token an endpoint accepts.</summary>
public enum UserTokenType
{
    Anonymous = 0,
    UserName = 1,
    Certificate = 2,
    IssuedToken = 3,
}
