namespace Orchestration.Contracts.FinancialAid.Events;

/// <summary>The case got a (new) responsible social secretary, named by account user name; reminders and the inbox follow that account.</summary>
public sealed record ResponsibleSocialSecretaryAssigned(Guid ReferralId, string District, string ResponsibleSocialSecretary, DateTimeOffset AssignedAt);
