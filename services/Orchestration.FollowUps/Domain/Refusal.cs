namespace Orchestration.FollowUps.Domain;

/// <summary>Why an aggregate refused a change: <see cref="Field"/> names the input at fault (a 400), otherwise it is out of order (a 409).</summary>
public sealed record Refusal(string Reason, string? Field = null);
