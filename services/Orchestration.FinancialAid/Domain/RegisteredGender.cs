namespace Orchestration.FinancialAid.Domain;

/// <summary>The legal gender a personnummer carries; kept on the application for statistics only (women vs men, seed 004).</summary>
public enum RegisteredGender
{
    Female,
    Male,
}
