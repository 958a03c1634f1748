namespace Orchestration.Host.Demo;

/// <summary>One caseworker step of a referral on a day of the demo's period (day 0 is its first day); it says what it did.</summary>
internal sealed record DemoStep(int Day, DemoReferral Referral, Func<Task<string>> Run);
