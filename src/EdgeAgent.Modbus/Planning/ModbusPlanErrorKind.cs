namespace EdgeAgent.Modbus.Planning;

/// <summary>Why an item can never be read.</summary>
public enum ModbusPlanErrorKind
{
    /// <summary>The item names a table that does not exist.</summary>
    UnknownTable,

    /// <summary>The item asks for zero or a negative number of registers or bits.</summary>
    CountNotPositive,

    /// <summary>The item starts below address 0 or ends past address 65535.</summary>
    OutsideAddressSpace,

    /// <summary>The item is longer than one request may read (<see cref="ModbusPlanOptions"/> limits).</summary>
    LongerThanRequestLimit,
}
