using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace EdgeAgent.Evidence.Bundle;

/// <summary>
/// Reads CSV records from a UTF-8 byte stream without a string per field: the same dialect and the same field rules as
/// <see cref="Csv.Read"/> (a record ends at LF, or CR LF, outside quotes; a field opens quotes only at its first
/// character; <c>""</c> inside quotes is one quote; a CR not followed by LF is text), with the fields handed out as
/// byte spans valid until the next <see cref="Read"/>. A leading UTF-8 byte order mark is skipped, as a StreamReader does.
/// </summary>
internal sealed class CsvRowReader : IDisposable
{
    private static readonly SearchValues<byte> Special = SearchValues.Create(",\"\r\n"u8);
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;
    private byte[] _scratch = new byte[256];
    private int _scratchUsed;
    private (int Start, int Length, bool Quoted, bool InScratch)[] _fields = new (int, int, bool, bool)[16];

    public CsvRowReader(Stream stream, int bufferSize = 1 << 16)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>The 1-based line the current record starts on.</summary>
    public long Line { get; private set; }

    /// <summary>Fields of the current record.</summary>
    public int FieldCount { get; private set; }

    private long NextLine { get; set; } = 1;

    /// <summary>The unescaped bytes of field <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Field(int index)
    {
        var f = _fields[index];
        return f.InScratch ? _scratch.AsSpan(f.Start, f.Length) : _buffer.AsSpan(f.Start, f.Length);
    }

    /// <summary>Whether field <paramref name="index"/> was in double quotes.</summary>
    public bool Quoted(int index) => _fields[index].Quoted;

    /// <summary>Field <paramref name="index"/> as a nullable string (an unquoted empty field is null).</summary>
    public string? NullableString(int index) => !Quoted(index) && Field(index).IsEmpty ? null : Encoding.UTF8.GetString(Field(index));

    /// <summary>Field <paramref name="index"/> as a string (null never: an unquoted empty field is "").</summary>
    public string String(int index) => Encoding.UTF8.GetString(Field(index));

    /// <summary>The record as <see cref="Csv.Read"/> yields it (for the header and error paths).</summary>
    public List<CsvField> ToFields()
    {
        var list = new List<CsvField>(FieldCount);
        for (var i = 0; i < FieldCount; i++)
        {
            list.Add(new CsvField(String(i), Quoted(i)));
        }

        return list;
    }

    /// <summary>Moves to the next record; false at the end of the stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        if (_first)
        {
            _first = false;
            Fill(3);
            if (_end - _start >= 3 && _buffer.AsSpan(_start, 3).SequenceEqual(Utf8Bom))
            {
                _start += 3;
            }
        }

        while (true)
        {
            if (_start == _end && !Fill(1))
            {
                return false;
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            if (newline >= 0 || _eof)
            {
                var row = newline >= 0 ? span[..newline] : span;
                if (row.IndexOf((byte)'"') < 0)
                {
                    SplitPlain(row);
                    Line = NextLine++;
                    _start += row.Length + (newline >= 0 ? 1 : 0);
                    return true;
                }

                if (ParseQuoted(out var consumed, out var lines))
                {
                    Line = NextLine;
                    NextLine += lines;
                    _start += consumed;
                    return true;
                }
            }

            // The record goes past the buffered bytes: read more (growing the buffer when it is full) and parse again.
            if (!Fill(_end - _start + 1))
            {
                _eof = true;
            }
        }
    }

    /// <summary>A record with no quote: fields between commas; a CR right before the LF (or the end) is dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SplitPlain(ReadOnlySpan<byte> row)
    {
        var offset = _start;
        if (row.Length > 0 && row[^1] == '\r')
        {
            row = row[..^1];
        }

        FieldCount = 0;
        var at = 0;
        while (true)
        {
            var comma = row[at..].IndexOf((byte)',');
            if (comma < 0)
            {
                AddField(offset + at, row.Length - at, quoted: false, inScratch: false);
                return;
            }

            AddField(offset + at, comma, quoted: false, inScratch: false);
            at += comma + 1;
        }
    }

    /// <summary>The general state machine of <see cref="Csv.Read"/>; false when the record is not complete in the buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ParseQuoted(out int consumed, out long lines)
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        FieldCount = 0;
        _scratchUsed = 0;
        var fieldStart = 0;
        var quoted = false;
        var inQuotes = false;
        lines = 1;
        var i = 0;
        while (true)
        {
            if (i >= span.Length)
            {
                if (!_eof)
                {
                    consumed = 0;
                    return false;
                }

                // End of the stream: the record ends here; like Csv.Read, a field whose quotes never close is dropped.
                if (!inQuotes)
                {
                    AddScratchField(fieldStart, quoted);
                }

                consumed = i;
                return true;
            }

            var c = span[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 >= span.Length && !_eof)
                    {
                        consumed = 0;
                        return false;
                    }

                    if (i + 1 < span.Length && span[i + 1] == '"')
                    {
                        AppendScratch(c);
                        i += 2;
                        continue;
                    }

                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        lines++;
                    }

                    AppendScratch(c);
                }

                i++;
                continue;
            }

            if (c == '"' && _scratchUsed == fieldStart && !quoted)
            {
                quoted = true;
                inQuotes = true;
                i++;
            }
            else if (c == ',')
            {
                AddScratchField(fieldStart, quoted);
                fieldStart = _scratchUsed;
                quoted = false;
                i++;
            }
            else if (c == '\n')
            {
                AddScratchField(fieldStart, quoted);
                consumed = i + 1;
                return true;
            }
            else if (c == '\r')
            {
                if (i + 1 >= span.Length && !_eof)
                {
                    consumed = 0;
                    return false;
                }

                if (i + 1 >= span.Length || span[i + 1] == '\n')
                {
                    AddScratchField(fieldStart, quoted);
                    consumed = Math.Min(i + 2, span.Length);
                    return true;
                }

                AppendScratch(c);
                i++;
            }
            else
            {
                // Plain text up to the next special byte in one copy.
                var run = span[i..].IndexOfAny(Special);
                var length = run < 0 ? span.Length - i : Math.Max(run, 1);
                AppendScratch(span.Slice(i, length));
                i += length;
            }
        }
    }

    private void AddScratchField(int start, bool quoted) => AddField(start, _scratchUsed - start, quoted, inScratch: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddField(int start, int length, bool quoted, bool inScratch)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[FieldCount++] = (start, length, quoted, inScratch);
    }

    private void AppendScratch(byte b)
    {
        EnsureScratch(1);
        _scratch[_scratchUsed++] = b;
    }

    private void AppendScratch(ReadOnlySpan<byte> bytes)
    {
        EnsureScratch(bytes.Length);
        bytes.CopyTo(_scratch.AsSpan(_scratchUsed));
        _scratchUsed += bytes.Length;
    }

    private void EnsureScratch(int more)
    {
        if (_scratchUsed + more > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchUsed + more));
        }
    }

    /// <summary>Makes at least <paramref name="wanted"/> bytes available from <see cref="_start"/> when the stream has them; false when nothing more came.</summary>
    private bool Fill(int wanted)
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (wanted > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(wanted, _buffer.Length * 2));
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var before = _end;
        while (_end < _buffer.Length)
        {
            var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                _eof = true;
                break;
            }

            _end += n;
            if (_end - _start >= wanted)
            {
                break;
            }
        }

        return _end > before;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
