using System.Buffers.Binary;
using EdgeAgent.Collection.Tests.Support;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Storage;
using static EdgeAgent.Collection.Tests.Support.CollectorRig;

namespace EdgeAgent.Collection.Tests.Modbus;

/// <summary>
/// The collector against a libmodbus server (tests/peers/modbus/libmodbus_host.c), whose request log shows exactly what
/// went over the wire. Mapping: holding 100..149 = 3000 + (a − 100), input 100..149 = 4000 + (a − 100),
/// coil a = (a − 100) % 2 == 0, discrete input a = (a − 100) % 4 == 0; every other address is illegal.
/// </summary>
[Collection(LibmodbusCollection.Name)]
public class ModbusSourceCollectorLibmodbusTests(LibmodbusHostFixture host)
{
    private static ushort H(int address) => (ushort)(3000 + address - 100);

    private static ushort I(int address) => (ushort)(4000 + address - 100);

    private static ushort Swap(ushort register) => BinaryPrimitives.ReverseEndianness(register);

    private static Dictionary<string, Sample> ByName(SampleBatch batch) => batch.Samples.ToDictionary(s => s.Key.Tag);

    private static (string, TagConfig)[] AllTypesAndOrders() =>
    [
        ("h100u16", Tag(TagTable.Holding, 100, TagType.UInt16)),
        ("h101i32", Tag(TagTable.Holding, 101, TagType.Int32)),
        ("h103u32wl", Tag(TagTable.Holding, 103, TagType.UInt32, wordOrder: Endianness.Little)),
        ("h105f32", Tag(TagTable.Holding, 105, TagType.Float32)),
        ("h107i16bl", Tag(TagTable.Holding, 107, TagType.Int16, byteOrder: Endianness.Little)),
        ("h108u32blwl", Tag(TagTable.Holding, 108, TagType.UInt32, Endianness.Little, Endianness.Little)),
        ("h110u64", Tag(TagTable.Holding, 110, TagType.UInt64)),
        ("h114f64wl", Tag(TagTable.Holding, 114, TagType.Float64, wordOrder: Endianness.Little)),
        ("i100scaled", Tag(TagTable.Input, 100, TagType.UInt16, scale: 0.1, offset: 1)),
        ("i102f32wl", Tag(TagTable.Input, 102, TagType.Float32, wordOrder: Endianness.Little)),
        ("c100", Tag(TagTable.Coil, 100, TagType.Bool)),
        ("c101", Tag(TagTable.Coil, 101, TagType.Bool)),
        ("c104", Tag(TagTable.Coil, 104, TagType.Bool)),
        ("c105", Tag(TagTable.Coil, 105, TagType.Bool)),
        ("d100", Tag(TagTable.Discrete, 100, TagType.Bool)),
        ("d104", Tag(TagTable.Discrete, 104, TagType.Bool)),
        ("d106", Tag(TagTable.Discrete, 106, TagType.Bool)),
    ];

    [Fact]
    public async Task CoalescesTagsIntoOneRequestPerTableAndDecodesEveryTypeAndOrder()
    {
        await using var rig = Create(SourceAt(host.Port), AllTypesAndOrders());
        await rig.PollUntilGoodAsync();

        var mark = host.Requests().Count;
        var batch = await rig.PollAsync();
        var cycle = host.Requests().Skip(mark).ToList();

        // One request per table, each spanning exactly its tags: the fewest the planner can do.
        Assert.Equal(4, rig.Collector.MinimumRequests);
        Assert.Equal(
            [new LoggedRequest(3, 100, 18, false), new LoggedRequest(4, 100, 4, false), new LoggedRequest(1, 100, 6, false), new LoggedRequest(2, 100, 7, false)],
            cycle.OrderBy(r => r.FunctionCode == 3 ? 0 : r.FunctionCode == 4 ? 1 : r.FunctionCode == 1 ? 2 : 3));

        Assert.True(batch.CycleGood);
        var v = ByName(batch);
        Assert.All(v.Values, s => Assert.Equal(SampleQuality.Good, s.Quality));
        Assert.Equal(H(100), v["h100u16"].Value);
        Assert.Equal((int)(((uint)H(101) << 16) | H(102)), v["h101i32"].Value);
        Assert.Equal(((uint)H(104) << 16) | H(103), v["h103u32wl"].Value);
        Assert.Equal(BitConverter.Int32BitsToSingle((int)(((uint)H(105) << 16) | H(106))), v["h105f32"].Value);
        Assert.Equal((short)Swap(H(107)), v["h107i16bl"].Value);
        Assert.Equal(((uint)Swap(H(109)) << 16) | Swap(H(108)), v["h108u32blwl"].Value);
        Assert.Equal(((ulong)H(110) << 48) | ((ulong)H(111) << 32) | ((ulong)H(112) << 16) | H(113), v["h110u64"].Value);
        Assert.Equal(BitConverter.Int64BitsToDouble((long)(((ulong)H(117) << 48) | ((ulong)H(116) << 32) | ((ulong)H(115) << 16) | H(114))), v["h114f64wl"].Value);
        Assert.Equal((I(100) * 0.1) + 1, v["i100scaled"].Value, 9);
        Assert.Equal(BitConverter.Int32BitsToSingle((int)(((uint)I(103) << 16) | I(102))), v["i102f32wl"].Value);
        Assert.Equal([1d, 0d, 1d, 0d], new[] { "c100", "c101", "c104", "c105" }.Select(n => v[n].Value));
        Assert.Equal([1d, 1d, 0d], new[] { "d100", "d104", "d106" }.Select(n => v[n].Value));
    }

    [Fact]
    public async Task IllegalAddressInACoalescedBlockIsStoredAsBadAndTheRefusedBlockIsNotSentAgain()
    {
        (string, TagConfig)[] tags =
        [
            ("h140", Tag(TagTable.Holding, 140, TagType.UInt16)),
            ("h145", Tag(TagTable.Holding, 145, TagType.UInt32)),
            ("h149", Tag(TagTable.Holding, 149, TagType.UInt16)),
            ("h150", Tag(TagTable.Holding, 150, TagType.UInt16)),
        ];
        await using var rig = Create(SourceAt(host.Port), tags);

        var mark = host.Requests().Count;
        var first = await rig.PollUntilGoodAsync();
        var firstCycles = host.Requests().Skip(mark).ToList();
        mark = host.Requests().Count;
        var later = new List<SampleBatch>();
        for (var i = 0; i < 5; i++)
        {
            later.Add(await rig.PollAsync());
        }

        var laterRequests = host.Requests().Skip(mark).ToList();

        // The first cycle sends the coalesced block, is refused, and narrows it down.
        Assert.Contains(new LoggedRequest(3, 140, 11, true), firstCycles);
        Assert.Contains(firstCycles, r => r.Refused);
        // Afterwards: one accepted request per cycle, nothing refused.
        Assert.Equal(5, laterRequests.Count);
        Assert.All(laterRequests, r => Assert.Equal(new LoggedRequest(3, 140, 10, false), r));

        foreach (var batch in later.Prepend(first))
        {
            var v = ByName(batch);
            Assert.True(batch.CycleGood);
            Assert.Equal(H(140), v["h140"].Value);
            Assert.Equal(((uint)H(145) << 16) | H(146), v["h145"].Value);
            Assert.Equal(H(149), v["h149"].Value);
            Assert.Equal(SampleQuality.Bad, v["h150"].Quality);
            Assert.Equal("IllegalDataAddress", v["h150"].Status);
            Assert.True(double.IsNaN(v["h150"].Value));
        }

        // And so it lands in storage: the refused tag as bad quality with its status, the others as values.
        using var folder = new TempFolder();
        using var storage = new SqliteStorage(folder.Path);
        await Pipeline.StoreAsync(rig.Received, storage);
        var stored = storage.ReadSamples(DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(1)).ToList();
        var bad = Assert.Single(stored, s => s.Tag == "h150");
        Assert.Equal(SampleQuality.Bad, bad.Quality);
        Assert.Equal("IllegalDataAddress", bad.Status);
        Assert.True(double.IsNaN(bad.Value));
        Assert.Equal(H(140), Assert.Single(stored, s => s.Tag == "h140").Value);
        Assert.Equal(H(149), Assert.Single(stored, s => s.Tag == "h149").Value);
    }

    [Fact]
    public async Task OnlyReadFunctionCodesReachTheServer()
    {
        await using var privateHost = await LibmodbusHostFixture.StartNewAsync();
        await using var rig = Create(SourceAt(privateHost.Port, pollMs: 100), AllTypesAndOrders().Append(("h150", Tag(TagTable.Holding, 150, TagType.UInt16))).ToList());

        rig.Start();
        await Eventually.TrueAsync(() => rig.Batches.Count(b => b.CycleGood) >= 10, TimeSpan.FromSeconds(30), "ten good cycles");

        var codes = privateHost.ReceivedFunctionCodes();
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, codes.Distinct().Order());
        Assert.All(codes, c => Assert.InRange(c, (byte)1, (byte)4));
    }
}
