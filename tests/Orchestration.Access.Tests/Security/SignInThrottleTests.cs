using Microsoft.Extensions.Time.Testing;
using Orchestration.Access;
using Orchestration.ServiceDefaults.Security;

namespace Orchestration.Access.Tests.Security;

/// <summary>The throttle's rules on a fake clock: lockout per user name, a window per address, both lifted by time.</summary>
public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_user_name_is_locked_after_five_failures_in_a_row_until_the_lockout_ends()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.AccountFailureLimit - 1; i++)
        {
            throttle.Failed("coordinator", $"10.0.0.{i}");
        }

        throttle.RetryAfter("coordinator", "10.0.0.99").Should().BeNull("four failures are not yet a lockout");
        throttle.Failed("coordinator", "10.0.0.98");

        throttle.RetryAfter("coordinator", "10.0.0.99").Should().Be(SignInThrottle.AccountLockout, "the lockout follows the name, whatever the address");
        throttle.RetryAfter("admin", "10.0.0.99").Should().BeNull();
        _time.Advance(SignInThrottle.AccountLockout - TimeSpan.FromSeconds(1));
        throttle.RetryAfter("coordinator", "10.0.0.99").Should().Be(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        throttle.RetryAfter("coordinator", "10.0.0.99").Should().BeNull();
    }

    [Fact]
    public void A_success_resets_the_count_of_the_user_name()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.AccountFailureLimit - 1; i++)
        {
            throttle.Failed("coordinator", "10.0.0.1");
        }

        throttle.Succeeded("coordinator");
        throttle.Failed("coordinator", "10.0.0.1");

        throttle.RetryAfter("coordinator", "10.0.0.1").Should().BeNull();
    }

    [Fact]
    public void An_address_spraying_many_user_names_is_blocked_until_its_window_ends()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.AddressFailureLimit; i++)
        {
            throttle.Failed($"user{i}", "10.0.0.7");
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var elapsed = TimeSpan.FromSeconds(SignInThrottle.AddressFailureLimit);
        throttle.RetryAfter("someone-else", "10.0.0.7").Should().Be(SignInThrottle.AddressWindow - elapsed);
        throttle.RetryAfter("someone-else", "10.0.0.8").Should().BeNull("another address is not blocked");
        _time.Advance(SignInThrottle.AddressWindow - elapsed);
        throttle.RetryAfter("someone-else", "10.0.0.7").Should().BeNull();
    }

    [Fact]
    public void Failures_spread_over_more_than_a_window_do_not_add_up_for_an_address()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.AddressFailureLimit * 2; i++)
        {
            throttle.Failed($"user{i}", "10.0.0.7");
            _time.Advance(SignInThrottle.AddressWindow / (SignInThrottle.AddressFailureLimit - 2));
        }

        throttle.RetryAfter("someone-else", "10.0.0.7").Should().BeNull();
    }
}
