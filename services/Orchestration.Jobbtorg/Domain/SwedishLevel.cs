namespace Orchestration.Jobbtorg.Domain;

/// <summary>Swedish language level (PD): SFI courses A–D, then fluent or native; SFI is part of Jobbtorg's offer.</summary>
public enum SwedishLevel
{
    /// <summary>Ingen svenska.</summary>
    None,

    SfiA,

    SfiB,

    SfiC,

    SfiD,

    /// <summary>Flytande, e.g. after Svenska som andraspråk.</summary>
    Fluent,

    /// <summary>Modersmål.</summary>
    Native,
}
