namespace EdgeAgent.Modbus;

/// <summary>Order of the two bytes inside each 16-bit register.</summary>
public enum ModbusByteOrder
{
    /// <summary>High byte first, as the Modbus specification prescribes ("AB").</summary>
    BigEndian,

    /// <summary>Low byte first ("BA"), used by some devices that copy memory into registers.</summary>
    LittleEndian,
}
