namespace Orchestration.Jobbtorg.Persistence.Configurations;

/// <summary>Column lengths the API validates against before it writes.</summary>
public static class Limits
{
    public const int Code = 60;

    public const int Label = 200;

    public const int FreeText = 4000;
}
