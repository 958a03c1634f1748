using System.Text;

namespace Orchestration.Workflows.Expressions.Liquid;

/// <summary>
/// Collects a render's output and stops it when the output grows past its limit or the render's time is up
/// (Fluid has no cancellation of its own, but it writes as it goes).
/// </summary>
internal sealed class BoundedTextWriter(int maxLength, CancellationToken cancellationToken) : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value)
    {
        Check(1);
        _text.Append(value);
    }

    public override void Write(string? value)
    {
        Check(value?.Length ?? 0);
        _text.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Check(count);
        _text.Append(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Check(buffer.Length);
        _text.Append(buffer);
    }

    // Written synchronously: the base class would queue each write on the thread pool.
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override string ToString() => _text.ToString();

    private void Check(int adding)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_text.Length + adding > maxLength)
        {
            throw new LiquidLimitException($"the output is longer than {maxLength} characters.");
        }
    }
}
