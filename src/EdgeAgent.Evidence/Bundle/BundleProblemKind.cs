namespace EdgeAgent.Evidence.Bundle;

/// <summary>Kinds of bundle problems.</summary>
public enum BundleProblemKind
{
    /// <summary>The file is not a readable bundle, or a required member is missing or malformed.</summary>
    Malformed,

    /// <summary>A file differs from the SHA-256 the signed manifest lists, or is not listed.</summary>
    FileChanged,

    /// <summary>A JWS does not verify (altered content or signature, unknown key).</summary>
    BadSignature,

    /// <summary>A signature was made with another key than the one given with --public-key, or a key file is not the key its name says.</summary>
    KeyMismatch,

    /// <summary>A record is not in the signed Merkle tree, the tree heads are inconsistent, or a record does not follow its predecessor.</summary>
    BrokenChain,

    /// <summary>A day of the range has no signed record.</summary>
    MissingDay,

    /// <summary>A record sits under another day's name (days swapped or renamed).</summary>
    WrongDay,

    /// <summary>The digest recomputed from the raw CSV differs from the record's.</summary>
    DigestMismatch,

    /// <summary>Figures or indicators recomputed from the raw data differ from the signed ones.</summary>
    RecomputationMismatch,
}
