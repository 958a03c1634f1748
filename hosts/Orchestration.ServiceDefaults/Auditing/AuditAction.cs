namespace Orchestration.ServiceDefaults.Auditing;

public static class AuditAction
{
    public const string Read = "Read";
    public const string Created = "Created";
    public const string Changed = "Changed";

    /// <summary>An Admin raised a service's event by hand (repair), through the workflows' API.</summary>
    public const string EventRaised = "EventRaised";
}
