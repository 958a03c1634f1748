namespace Orchestration.ServiceDefaults.Hosting;

/// <summary>How a host runs: everything embedded in one process, or against shared PostgreSQL and RabbitMQ.</summary>
public enum OrchestrationProfile
{
    /// <summary>SQLite file, in-memory bus and Hangfire storage, loopback only; no setup.</summary>
    Embedded,

    /// <summary>PostgreSQL, RabbitMQ and Hangfire.PostgreSql; any number of hosts share them.</summary>
    Production,
}
