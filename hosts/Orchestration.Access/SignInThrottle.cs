using System.Collections.Concurrent;

namespace Orchestration.Access;

/// <summary>
/// Limits password guessing at the login: after <see cref="AccountFailureLimit"/> failures in a row a user name is
/// locked for <see cref="AccountLockout"/> (even the right password waits), and an address that fails
/// <see cref="AddressFailureLimit"/> times within <see cref="AddressWindow"/> may not try again until the window ends.
/// Unknown user names count like known ones, so the answers do not tell which exist. Counters live in this host's
/// memory: a host restart forgets them, and N hosts allow N times the attempts, still far from a guessing rate.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int AccountFailureLimit = 5;
    public const int AddressFailureLimit = 20;
    public static readonly TimeSpan AccountLockout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(10);

    /// <summary>Beyond this many tracked names or addresses, stale entries are dropped so that junk cannot fill memory.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Counter> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Counter> _addresses = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying again; null when a try is allowed now.</summary>
    public TimeSpan? RetryAfter(string userName, string address)
    {
        var now = time.GetUtcNow();
        var waits = new[] { Lookup(_accounts, userName)?.LockedFor(now), Lookup(_addresses, address)?.LockedFor(now) }.OfType<TimeSpan>().ToList();
        return waits.Count == 0 ? null : waits.Max();
    }

    public void Failed(string userName, string address)
    {
        var now = time.GetUtcNow();
        Prune(_accounts, now);
        Prune(_addresses, now);
        _accounts.GetOrAdd(userName, _ => new Counter()).FailInARow(now, AccountFailureLimit, AccountLockout);
        _addresses.GetOrAdd(address, _ => new Counter()).FailInWindow(now, AddressFailureLimit, AddressWindow);
    }

    /// <summary>The right password resets the user name's count; the address's window runs on.</summary>
    public void Succeeded(string userName) => _accounts.TryRemove(userName, out _);

    private static Counter? Lookup(ConcurrentDictionary<string, Counter> counters, string key) => counters.GetValueOrDefault(key);

    private static void Prune(ConcurrentDictionary<string, Counter> counters, DateTimeOffset now)
    {
        if (counters.Count <= PruneAbove)
        {
            return;
        }

        foreach (var (key, counter) in counters)
        {
            if (counter.IsStale(now, AddressWindow))
            {
                counters.TryRemove(key, out _);
            }
        }
    }

    private sealed class Counter
    {
        private readonly Lock _gate = new();
        private int _failures;
        private DateTimeOffset _windowStart;
        private DateTimeOffset _lockedUntil;

        public TimeSpan? LockedFor(DateTimeOffset now)
        {
            lock (_gate)
            {
                return _lockedUntil > now ? _lockedUntil - now : null;
            }
        }

        public void FailInARow(DateTimeOffset now, int limit, TimeSpan lockout)
        {
            lock (_gate)
            {
                _windowStart = now;
                if (++_failures >= limit)
                {
                    _lockedUntil = now + lockout;
                    _failures = 0;
                }
            }
        }

        public void FailInWindow(DateTimeOffset now, int limit, TimeSpan window)
        {
            lock (_gate)
            {
                if (now - _windowStart >= window)
                {
                    _windowStart = now;
                    _failures = 0;
                }

                if (++_failures >= limit)
                {
                    _lockedUntil = _windowStart + window;
                }
            }
        }

        public bool IsStale(DateTimeOffset now, TimeSpan window)
        {
            lock (_gate)
            {
                return _lockedUntil <= now && now - _windowStart >= window;
            }
        }
    }
}
