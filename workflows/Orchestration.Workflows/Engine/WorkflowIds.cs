using System.Security.Cryptography;

namespace Orchestration.Workflows.Engine;

/// <summary>
/// The one way to make an id for a workflow definition, instance or activity execution: 16 hex characters (64
/// random bits), Elsa's length, random enough for ids that are never guessed at (they are not credentials).
/// </summary>
public static class WorkflowIds
{
    // Guid.NewGuid asks the kernel for 16 bytes per call; a burst makes an id per activity execution, and those system
    // calls were 4 % of a durable burst's CPU samples. The bytes still come from the operating system's CSPRNG, a
    // page at a time per thread.
    private const int IdBytes = 8;
    private const int BufferBytes = 4096;

    [ThreadStatic]
    private static byte[]? _random;

    [ThreadStatic]
    private static int _next;

    public static string New()
    {
        if (_random is null || _next == BufferBytes)
        {
            _random ??= new byte[BufferBytes];
            RandomNumberGenerator.Fill(_random);
            _next = 0;
        }

        var id = Convert.ToHexStringLower(_random, _next, IdBytes);
        _next += IdBytes;
        return id;
    }
}
