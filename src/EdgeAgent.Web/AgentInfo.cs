namespace EdgeAgent.Web;

/// <summary>Facts about the running agent shown on /api/status.</summary>
/// <param name="Version">Agent version.</param>
/// <param name="StartedUtc">When the process started.</param>
/// <param name="DataFolder">Data folder in use.</param>
/// <param name="Mode">"run", "demo" or "simulate".</param>
public sealed record AgentInfo(string Version, DateTime StartedUtc, string DataFolder, string Mode);
