namespace Orchestration.ServiceDefaults.Auditing;

public static class AuditAction
{
    public const string Read = "Read";
    public const string Created = "Created";
    public const string Changed = "Changed";
}
