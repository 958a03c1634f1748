namespace Orchestration.ServiceDefaults.Statistics;

/// <summary>The age bands of the statistics; seed 003 counts the under-25s on their own.</summary>
public static class AgeBands
{
    public static string Of(int age) => age switch
    {
        < 18 => "0-17",
        < 25 => "18-24",
        < 30 => "25-29",
        < 40 => "30-39",
        < 50 => "40-49",
        < 65 => "50-64",
        _ => "65+",
    };
}
