using System.Globalization;

namespace EdgeAgent.TestPeers.Modbus;

/// <summary>One request as the libmodbus host logged it ("FC fc address count OK|EXC").</summary>
/// <param name="FunctionCode">Modbus function code.</param>
/// <param name="Address">Start address.</param>
/// <param name="Count">Number of bits or registers.</param>
/// <param name="Refused">True when the read left the mapping (the host answered with an exception).</param>
public sealed record LoggedRequest(byte FunctionCode, int Address, int Count, bool Refused)
{
    public static LoggedRequest Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(' ');
        var code = byte.Parse(parts[1], CultureInfo.InvariantCulture);
        return parts.Length >= 5
            ? new LoggedRequest(code, int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture), parts[4] == "EXC")
            : new LoggedRequest(code, -1, -1, false);
    }
}
