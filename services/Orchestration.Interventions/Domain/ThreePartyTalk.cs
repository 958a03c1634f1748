namespace Orchestration.Interventions.Domain;

/// <summary>
/// A three-party talk (trepartssamtal) of the individual, the social secretary and the work consultant: the
/// recommended way to choose the right intervention, never a required step.
/// </summary>
public sealed class ThreePartyTalk
{
    public Guid Id { get; init; }

    public Guid InterventionReferralId { get; init; }

    public DateOnly HeldOn { get; init; }

    /// <summary>Others who took part, by role (e.g. "läkare", "arbetsledare"), never by name.</summary>
    public IReadOnlyList<string> OtherParticipants { get; init; } = [];

    public string? Summary { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}
