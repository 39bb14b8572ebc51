using Microsoft.Extensions.Logging;

namespace EdgeAgent.Evidence;

/// <summary>Log messages of <see cref="SigningKeyStore"/> (Evidence event ids 5000–5999).</summary>
internal static partial class SigningKeyStoreLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Created signing key {KeyId} in {Folder}")]
    public static partial void KeyCreated(ILogger logger, string keyId, string folder);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Rotated signing key: {OldKeyId} retired, {NewKeyId} current; the old public key stays for verification")]
    public static partial void KeyRotated(ILogger logger, string oldKeyId, string newKeyId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Ignoring public key file {Path}: its key id is {ActualKeyId}, not the file name; records signed under that name will not verify")]
    public static partial void PublicKeyNameMismatch(ILogger logger, string path, string actualKeyId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Signing key file {Path} is readable by other users (mode {Mode}); restrict it to the owner (chmod 600)")]
    public static partial void KeyFileTooOpen(ILogger logger, string path, string mode);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Ignoring unreadable public key file {Path}")]
    public static partial void PublicKeyUnreadable(ILogger logger, string path, Exception exception);
}
