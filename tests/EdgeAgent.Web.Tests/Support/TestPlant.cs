using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Web.Tests.Support;

/// <summary>A small plant: two collected machines on two sources, one meter, and one machine without a source.</summary>
internal static class TestPlant
{
    public static AgentConfig Create() => new()
    {
        Site = new SiteConfig { Id = "plant-t", Name = "测试工厂 Test plant", Industry = "C34", TimeZone = "Asia/Shanghai", AgentId = "gw-t" },
        Processes = [new ProcessConfig { Id = "machining", Name = "机加工 Machining", Key = true }],
        Sources =
        [
            new SourceConfig { Id = "src-a", Host = "127.0.0.1", Port = 1502 },
            new SourceConfig { Id = "src-b", Host = "127.0.0.1", Port = 1503 },
        ],
        Equipment =
        [
            new EquipmentConfig
            {
                Id = "cnc-a", Name = "加工中心 A", Type = EquipmentType.Cnc, Process = "machining", ControlSystem = ControlSystem.Cnc,
                HasCommunicationInterface = true, Source = "src-a",
                Tags = [new TagConfig { Name = "spindleSpeed", Address = 0, Unit = "rpm" }, new TagConfig { Name = "program", Address = 10, Type = TagType.String, Length = 4 }],
            },
            new EquipmentConfig
            {
                Id = "robot-b", Name = "机器人 B", Type = EquipmentType.Robot, Process = "machining", HasCommunicationInterface = true, Source = "src-b",
                Tags = [new TagConfig { Name = "cycles", Address = 0, Type = TagType.UInt32, Unit = "pcs" }],
            },
            new EquipmentConfig { Id = "press-c", Name = "冲床 C", Type = EquipmentType.Other, Process = "machining" },
        ],
        Indicators = new IndicatorsConfig { NetworkedDayAvailability = 0.9 },
    };
}
