using System.Text;

namespace EdgeAgent.Evidence.Bundle;

/// <summary>
/// RFC 4180 CSV as the bundle uses it: comma separated, LF line ends, a field in double quotes when it contains a comma,
/// quote, CR or LF, or is the empty string; an empty unquoted field is NULL.
/// </summary>
public static class Csv
{
    /// <summary>The field text for <paramref name="value"/> (null → empty, "" → <c>""</c>).</summary>
    public static string Field(string? value)
    {
        if (value is null)
        {
            return "";
        }

        if (value.Length == 0 || value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return value;
    }

    /// <summary>One line (without the line end) of the given fields.</summary>
    public static string Line(params string?[] values) => string.Join(',', values.Select(Field));

    /// <summary>Reads records one by one; yields each with the 1-based line number it starts on.</summary>
    public static IEnumerable<(long Line, List<CsvField> Fields)> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long line = 1;
        while (reader.Peek() >= 0)
        {
            var start = line;
            var fields = new List<CsvField>();
            var text = new StringBuilder();
            var quoted = false;
            var inQuotes = false;
            while (true)
            {
                var c = reader.Read();
                if (inQuotes)
                {
                    if (c < 0)
                    {
                        break;
                    }

                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            text.Append('"');
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        text.Append((char)c);
                    }

                    continue;
                }

                if (c == '"' && text.Length == 0 && !quoted)
                {
                    quoted = true;
                    inQuotes = true;
                }
                else if (c == ',')
                {
                    fields.Add(new CsvField(text.ToString(), quoted));
                    text.Clear();
                    quoted = false;
                }
                else if (c is '\n' or -1 || (c == '\r' && reader.Peek() is '\n' or -1))
                {
                    if (c == '\r')
                    {
                        reader.Read();
                    }

                    fields.Add(new CsvField(text.ToString(), quoted));
                    line++;
                    break;
                }
                else
                {
                    text.Append((char)c);
                }
            }

            yield return (start, fields);
        }
    }
}
