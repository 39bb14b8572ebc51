namespace EdgeAgent.Storage;

/// <summary>The disk (or the database's size limit) is full. Nothing of the failed write was stored.</summary>
public sealed class StorageFullException : StorageException
{
    public StorageFullException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public StorageFullException()
    {
    }

    public StorageFullException(string message)
        : base(message)
    {
    }
}
