namespace Orchestration.FinancialAid.Domain;

/// <summary>
/// The one place a personnummer is kept: it maps to the opaque <see cref="Id"/> that every message, workflow and
/// other module uses instead.
/// </summary>
public sealed class Person
{
    public Guid Id { get; init; }

    /// <summary>Twelve digits (<see cref="Personnummer.Value"/>).</summary>
    public required string Personnummer { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
