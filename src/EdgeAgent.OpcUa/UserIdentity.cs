namespace EdgeAgent.OpcUa;

/// <summary>Who the session acts as: anonymous, or a user name and password.</summary>
public sealed class UserIdentity
{
    private UserIdentity(UserTokenType tokenType, string? userName, string? password)
    {
        TokenType = tokenType;
        UserName = userName;
        Password = password;
    }

    /// <summary>The anonymous identity.</summary>
    public static UserIdentity Anonymous { get; } = new(UserTokenType.Anonymous, null, null);

    /// <summary>The kind of token sent in ActivateSession.</summary>
    public UserTokenType TokenType { get; }

    /// <summary>The user name, for <see cref="UserTokenType.UserName"/>.</summary>
    public string? UserName { get; }

    internal string? Password { get; }

    /// <summary>A user name and password. The password is encrypted with the server certificate whenever the
    /// endpoint's user token policy asks for it.</summary>
    public static UserIdentity FromUserName(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(password);
        return new UserIdentity(UserTokenType.UserName, userName, password);
    }

    /// <inheritdoc/>
    public override string ToString() => TokenType == UserTokenType.UserName ? "user " + UserName : "anonymous";
}
