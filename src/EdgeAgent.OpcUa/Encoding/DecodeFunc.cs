namespace EdgeAgent.OpcUa.Encoding;

/// <summary>Reads one element from a decoder (used for arrays of structures).</summary>
public delegate T DecodeFunc<out T>(ref BinaryDecoder decoder);
