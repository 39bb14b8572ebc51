namespace EdgeAgent.Storage;

/// <summary>A write could not be stored; the transaction was rolled back and the caller still holds the data.</summary>
public class StorageException : IOException
{
    public StorageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }
}
