using System.Text;
using EdgeAgent.Evidence.Bundle;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeAgent.Evidence.Tests;

/// <summary>
/// The verifier reads the bundle's CSV with <see cref="CsvRowReader"/> (bytes, no string per field); these properties hold it
/// to <see cref="Csv.Read"/>, the reference reader: same records, fields, quoting and line numbers, on any text, well formed
/// or not, whatever the buffer size (records cut at every possible place).
/// </summary>
public class CsvRowReaderTests
{
    private static readonly string[] Pieces = ["a", "7", "-", ".", " ", "é", "中", "😀", ",", ",", "\"", "\"", "\"\"", "\n", "\r", "\r\n", "\n"];

    [Fact]
    public void ReadsWhatCsvReadReadsOnArbitraryText()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            var text = new StringBuilder();
            for (var i = random.Next(40); i > 0; i--)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            return SameRecords(text.ToString(), random.Next(1, 64));
        }));
    }

    [Fact]
    public void ReadsWhatCsvReadReadsOnWrittenRecords()
    {
        string?[] values = [null, "", "x", "a,b", "say \"hi\"", "two\nlines", "cr\rinside", "crlf\r\nin", "中文 😀", "\"", ",", "1e+21", "-Infinity"];
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            var text = new StringBuilder();
            var records = new List<List<string?>>();
            for (var r = random.Next(1, 12); r > 0; r--)
            {
                var record = Enumerable.Range(0, random.Next(1, 9)).Select(_ => values[random.Next(values.Length)]).ToList();
                records.Add(record);
                text.Append(Csv.Line([.. record])).Append(random.Next(4) == 0 ? "\r\n" : "\n");
            }

            if (!SameRecords(text.ToString(), random.Next(1, 64)))
            {
                return false;
            }

            // And the fields come back as written: an unquoted empty field is NULL, "" the empty string.
            using var reader = new CsvRowReader(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), random.Next(1, 64));
            foreach (var record in records)
            {
                if (!reader.Read() || !record.SequenceEqual(Enumerable.Range(0, reader.FieldCount).Select(reader.NullableString)))
                {
                    return false;
                }
            }

            return !reader.Read();
        }));
    }

    [Fact]
    public void SkipsAByteOrderMarkAsAStreamReaderDoes()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("h1,h2\n1,\"\"\n")).ToArray();
        using var reader = new CsvRowReader(new MemoryStream(bytes));

        Assert.True(reader.Read());
        Assert.Equal([new CsvField("h1", false), new CsvField("h2", false)], reader.ToFields());
        Assert.True(reader.Read());
        Assert.Equal(2, reader.Line);
        Assert.Equal([new CsvField("1", false), new CsvField("", true)], reader.ToFields());
        Assert.False(reader.Read());
    }

    private static bool SameRecords(string text, int bufferSize)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        using var expected = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        using var reader = new CsvRowReader(new MemoryStream(bytes), bufferSize);
        foreach (var (line, fields) in Csv.Read(expected))
        {
            if (!reader.Read() || reader.Line != line || !reader.ToFields().SequenceEqual(fields))
            {
                return false;
            }
        }

        return !reader.Read();
    }
}
