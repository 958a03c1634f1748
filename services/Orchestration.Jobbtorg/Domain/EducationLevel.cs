namespace Orchestration.Jobbtorg.Domain;

/// <summary>Highest completed education (PD, after the SUN levels); mapping part 2 asks it at the first visit.</summary>
public enum EducationLevel
{
    /// <summary>Ingen formell utbildning.</summary>
    None,

    /// <summary>Förgymnasial utbildning kortare än nio år.</summary>
    PrimaryIncomplete,

    /// <summary>Grundskola eller motsvarande, nio (tio) år.</summary>
    Primary,

    /// <summary>Gymnasial utbildning, ej fullföljd.</summary>
    UpperSecondaryIncomplete,

    /// <summary>Fullföljd gymnasial utbildning.</summary>
    UpperSecondary,

    /// <summary>Eftergymnasial utbildning kortare än tre år.</summary>
    PostSecondaryShort,

    /// <summary>Eftergymnasial utbildning tre år eller längre.</summary>
    PostSecondary,

    /// <summary>Okänd, e.g. foreign education not yet validated.</summary>
    Unknown,
}
