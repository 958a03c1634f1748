namespace Orchestration.ServiceDefaults.Cases;

/// <summary>
/// A case whose every change is saved through <see cref="CaseSave"/>: its version is a concurrency token that
/// changes on every save, so of two saves made from the same reading the later one is refused.
/// </summary>
public interface IVersionedCase
{
    Guid Id { get; }

    Guid Version { get; }

    /// <summary>Gives the case a new version; called by <see cref="CaseSave"/> only.</summary>
    void NewVersion();
}
