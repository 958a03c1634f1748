namespace Orchestration.FinancialAid.Endpoints.Instruments;

/// <summary>One FIA area: how much of an obstacle to work it is, with a note.</summary>
internal sealed record FiaAreaAssessment(string? Level, string? Note)
{
    public static readonly IReadOnlyList<string> Levels = ["NoObstacle", "SomeObstacle", "MajorObstacle", "NotAssessed"];
}
