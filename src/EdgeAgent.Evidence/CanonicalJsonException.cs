namespace EdgeAgent.Evidence;

/// <summary>
/// A JSON value that RFC 8785 cannot canonicalize: a non-finite number, a number that overflows a
/// double, a string with a lone surrogate, a duplicate member name, or nesting deeper than allowed.
/// </summary>
public sealed class CanonicalJsonException : Exception
{
    public CanonicalJsonException()
    {
    }

    public CanonicalJsonException(string message)
        : base(message)
    {
    }

    public CanonicalJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
