namespace Orchestration.ServiceDefaults.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
