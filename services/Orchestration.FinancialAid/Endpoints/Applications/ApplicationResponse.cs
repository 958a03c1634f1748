namespace Orchestration.FinancialAid.Endpoints.Applications;

/// <summary>An application as the API shows it: the personnummer masked, the opaque person id in full.</summary>
public sealed record ApplicationResponse(Guid ApplicationId, Guid PersonId, string District, DateTimeOffset RegisteredAt, string RegisteredBy,
    string ResponsibleSocialSecretary, string? ClosureOutcome, string Personnummer);
